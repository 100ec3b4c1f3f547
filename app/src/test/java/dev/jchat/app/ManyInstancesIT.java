package dev.jchat.app;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.errorCode;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jchat.conformance.Frames;
import dev.jchat.conformance.WireClient;
import dev.jchat.jdbc.DatabaseConfig;
import dev.jchat.jdbc.PostgresServer;
import dev.jchat.redis.RedisServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances of the built jar, each a process of its own, on one PostgreSQL schema and one Redis
 * key prefix, form one chat (PROTOCOL.md section 7): clients spread over them see every message once
 * in seq order, the same presence and typing, the same limits; a client moves between instances and
 * recovers with {@code since}; a fourth instance killed outright takes its users out of presence
 * within the instance TTL while the others chat on.
 */
@Timeout(300)
class ManyInstancesIT {
  private static final String SECRET = "the-secret-every-instance-of-this-test-shares";
  private static final String TTL_SECONDS = "3";
  private static final int INSTANCES = 3;

  @TempDir
  static Path folders;

  private static String schema;
  private static String prefix;
  private static final List<ServerProcess> processes = new ArrayList<>();
  private static final List<LiveChat> instances = new ArrayList<>();
  private static final List<WireClient> clients = new ArrayList<>();

  @BeforeAll
  static void startThreeInstances() throws Exception {
    CiRequirement.assumeAvailable(PostgresServer.unreachableBecause());
    CiRequirement.assumeAvailable(RedisServer.unreachableBecause());
    schema = PostgresServer.createSchema();
    prefix = RedisServer.uniquePrefix();
    List<ServerProcess> starting = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      starting.add(start("instance-" + i));
    }
    for (ServerProcess process : starting) {
      instances.add(new LiveChat(process.awaitPort()));
    }
  }

  @AfterAll
  static void stopEverything() throws Exception {
    clients.forEach(WireClient::close);
    processes.forEach(ServerProcess::close);
    if (schema != null) {
      PostgresServer.dropSchema(schema);
    }
    if (prefix != null) {
      RedisServer.deleteKeys(prefix);
    }
  }

  /** One more instance of the deployment, started (as the README starts it) from a folder of its own. */
  private static ServerProcess start(String name) throws Exception {
    DatabaseConfig database = PostgresServer.config(schema);
    Path folder = Files.createDirectories(folders.resolve(name));
    ServerProcess process = ServerProcess.start(ServerProcess.readmeStartCommand(), Map.of(
        "PORT", "0", "HOST", "127.0.0.1",
        "CHAT_DB_URL", database.url(), "CHAT_DB_USER", database.user(), "CHAT_DB_PASSWORD", database.password(),
        "CHAT_REDIS_URL", RedisServer.URL, "CHAT_REDIS_PREFIX", prefix, "CHAT_REDIS_INSTANCE_TTL_SECONDS", TTL_SECONDS,
        "CHAT_JWT_SECRET", SECRET,
        "CHAT_REGISTRATIONS_PER_MINUTE", "10000"), folder); // every test user registers from 127.0.0.1
    processes.add(process);
    return process;
  }

  private static LiveChat instance(int i) {
    return instances.get(i % INSTANCES);
  }

  /** Registers the user on one instance; the token works on every instance (one secret). */
  private static String register(LiveChat instance, String name) throws Exception {
    HttpResponse<String> registered = instance.http().send(instance.registration(name),
        HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return JsonParser.parseString(registered.body()).getAsJsonObject().get("token").getAsString();
  }

  /** A connection to the instance, authenticated; closed after the class. */
  private static WireClient connect(LiveChat instance, String token) throws Exception {
    WireClient client = WireClient.connect(instance.webSocket());
    clients.add(client);
    assertThat(event(client.awaitAnswer(client.request("auth", data("token", token))))).isEqualTo("ack");
    return client;
  }

  private static WireClient joined(LiveChat instance, String name, String room) throws Exception {
    WireClient client = connect(instance, register(instance, name));
    join(client, room, null);
    return client;
  }

  /** Joins and reads what the join sends: the history, then presence:state, which it returns. */
  private static JsonObject join(WireClient client, String room, Long since) throws Exception {
    JsonObject request = since == null ? data("room", room) : data("room", room, "since", since);
    assertThat(event(client.awaitAnswer(client.request("room:join", request)))).isEqualTo("ack");
    client.awaitEvent("chat:history");
    return client.awaitEvent("presence:state");
  }

  private static JsonObject next(WireClient client, String event, String userName) throws InterruptedException {
    return client.await(frame -> event.equals(event(frame))
        && userName.equals(Frames.data(frame).getAsJsonObject("user").get("name").getAsString()),
        event + " of " + userName);
  }

  @Test
  void every_message_reaches_each_member_once_in_seq_order_whichever_instance_it_was_sent_on() throws Exception {
    List<WireClient> members = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      members.add(joined(instance(i), "fan" + i, "fanout"));
    }
    Set<String> sent = new HashSet<>();
    for (int round = 0; round < 10; round++) {
      for (int i = 0; i < members.size(); i++) {
        String text = "message " + round + " from fan" + i;
        members.get(i).request("chat:send", data("room", "fanout", "text", text));
        sent.add(text);
      }
    }
    for (WireClient member : members) {
      Set<String> received = new HashSet<>();
      for (long seq = 1; seq <= sent.size(); seq++) {
        JsonObject message = Frames.data(member.awaitEvent("chat:new"));
        assertThat(message.get("seq").getAsLong()).as("the next seq, no hole, no repeat").isEqualTo(seq);
        received.add(message.get("text").getAsString());
      }
      assertThat(received).isEqualTo(sent);
    }
  }

  @Test
  void presence_and_typing_are_the_same_from_every_instance() throws Exception {
    WireClient watcherOn1 = joined(instance(1), "watcher1", "lobby");
    WireClient watcherOn2 = joined(instance(2), "watcher2", "lobby");
    WireClient typist = joined(instance(0), "typist", "lobby");
    next(watcherOn1, "presence:join", "typist");
    next(watcherOn2, "presence:join", "typist");

    JsonObject state = join(connect(instance(2), register(instance(2), "latecomer")), "lobby", null);
    List<String> online = new ArrayList<>();
    Frames.data(state).getAsJsonArray("users").forEach(user -> online.add(user.getAsJsonObject().get("name")
        .getAsString()));
    assertThat(online).containsExactlyInAnyOrder("watcher1", "watcher2", "typist", "latecomer");

    typist.request("typing:start", data("room", "lobby"));
    assertThat(Frames.data(next(watcherOn1, "typing", "typist")).get("typing").getAsBoolean()).isTrue();
    assertThat(Frames.data(next(watcherOn2, "typing", "typist")).get("typing").getAsBoolean()).isTrue();

    typist.request("room:leave", data("room", "lobby"));
    next(watcherOn1, "presence:leave", "typist");
    next(watcherOn2, "presence:leave", "typist");
  }

  @Test
  void a_users_20_connections_are_counted_across_instances() throws Exception {
    String token = register(instance(0), "many-tabs");
    for (int i = 0; i < 20; i++) {
      connect(instance(i), token);
    }
    WireClient oneTooMany = WireClient.connect(instance(1).webSocket());
    clients.add(oneTooMany);
    assertThat(errorCode(oneTooMany.awaitAnswer(oneTooMany.request("auth", data("token", token)))))
        .isEqualTo("rate_limited");
    assertThat(oneTooMany.awaitClose()).isEqualTo(1008);
  }

  @Test
  void the_login_limiter_counts_failures_on_every_instance() throws Exception {
    register(instance(0), "guessed");
    for (int i = 0; i < 5; i++) {
      assertThat(login(instance(i), "guessed", "wrong-password").statusCode()).isEqualTo(401);
    }
    HttpResponse<String> sixth = login(instance(2), "guessed", "password1");
    assertThat(sixth.statusCode()).as("the sixth try, right or wrong, on yet another instance").isEqualTo(429);
  }

  private static HttpResponse<String> login(LiveChat instance, String name, String password) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(instance.url("/api/auth/login"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}"))
        .build();
    return instance.http().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_client_that_moves_to_another_instance_recovers_what_it_missed_with_since() throws Exception {
    String token = register(instance(0), "mover");
    WireClient before = connect(instance(0), token);
    join(before, "moving", null);
    WireClient sender = joined(instance(1), "stayer", "moving");
    sender.awaitAnswer(sender.request("chat:send", data("room", "moving", "text", "seen")));
    long lastSeen = Frames.data(before.awaitEvent("chat:new")).get("id").getAsLong();
    before.close();

    sender.awaitAnswer(sender.request("chat:send", data("room", "moving", "text", "missed 1")));
    sender.awaitAnswer(sender.request("chat:send", data("room", "moving", "text", "missed 2")));
    WireClient after = connect(instance(2), token);
    assertThat(event(after.awaitAnswer(after.request("room:join", data("room", "moving", "since", lastSeen)))))
        .isEqualTo("ack");
    List<String> recovered = new ArrayList<>();
    Frames.data(after.awaitEvent("chat:history")).getAsJsonArray("messages")
        .forEach(message -> recovered.add(message.getAsJsonObject().get("text").getAsString()));
    assertThat(recovered).containsExactly("missed 1", "missed 2");
  }

  @Test
  void health_names_redis_as_the_broker_and_says_it_is_up() throws Exception {
    HttpResponse<String> health = instance(0).http().send(HttpRequest.newBuilder(instance(0).url("/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"broker\":\"redis\"");
  }

  @Test
  void the_users_of_a_killed_instance_leave_presence_within_the_ttl_and_the_others_chat_on() throws Exception {
    WireClient watcher = joined(instance(0), "watcher", "survival");
    WireClient talker = joined(instance(1), "talker", "survival");
    ServerProcess doomed = start("doomed");
    LiveChat doomedChat = new LiveChat(doomed.awaitPort());
    joined(doomedChat, "victim", "survival");
    next(watcher, "presence:join", "victim");

    doomed.close(); // SIGKILL: no leave, no cleanup
    next(watcher, "presence:leave", "victim"); // within the client's 10 s: the 3 s TTL and a beat or two

    talker.request("chat:send", data("room", "survival", "text", "still here"));
    assertThat(Frames.data(watcher.awaitEvent("chat:new")).get("text").getAsString()).isEqualTo("still here");
  }
}
