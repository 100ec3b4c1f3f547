package dev.jchat.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jchat.core.api.ClientSession;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.domain.User;
import dev.jchat.core.local.InMemoryMessageStore;
import dev.jchat.core.local.SystemClock;
import dev.jchat.core.port.Connection;
import dev.jchat.wire.HttpRequest;
import dev.jchat.wire.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one entry point: a chat from a secret alone, parts replaced by name, and the endpoints it serves. */
@Timeout(10)
class ChatTest {
  private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes";

  @Test
  void a_chat_built_from_a_token_secret_alone_carries_a_message_between_two_clients() throws Exception {
    try (Chat chat = Chat.builder().tokenSecret(SECRET).build()) {
      Client alice = Client.of(chat, new User(1, "alice"));
      Client bob = Client.of(chat, new User(2, "bob"));
      alice.joinGeneral();
      bob.joinGeneral();
      alice.session.receive("{\"event\":\"chat:send\",\"data\":{\"room\":\"general\",\"text\":\"hi bob\"}}");

      assertThat(bob.await("chat:new").getAsJsonObject("data").get("text").getAsString()).isEqualTo("hi bob");
      assertThat(chat.connectionCount()).isEqualTo(2);
    }
  }

  @Test
  void a_message_store_given_by_name_keeps_the_messages() throws Exception {
    try (SystemClock clock = new SystemClock()) {
      InMemoryMessageStore store = new InMemoryMessageStore(clock);
      try (Chat chat = Chat.builder().tokenSecret(SECRET).clock(clock).messageStore(store).build()) {
        Client alice = Client.of(chat, new User(1, "alice"));
        alice.joinGeneral();
        alice.session.receive("{\"event\":\"chat:send\",\"data\":{\"room\":\"general\",\"text\":\"kept\"},\"ack\":5}");
        alice.await("chat:new");
      }
      assertThat(store.before("general", null, 10).messages()).extracting(m -> m.text()).containsExactly("kept");
    }
  }

  @Test
  void a_user_registered_through_the_http_api_chats_with_the_token_it_was_given() throws Exception {
    try (Chat chat = Chat.builder().tokenSecret(SECRET).transportName("test").build()) {
      HttpResponse registered = chat.endpoints().http().handle(post("/api/auth/register",
          "{\"username\":\"carol\",\"password\":\"correct horse\"}"));
      assertThat(registered.status()).as(registered.body()).isEqualTo(201);
      String token = JsonParser.parseString(registered.body()).getAsJsonObject().get("token").getAsString();

      Client carol = Client.connect(chat);
      carol.session.receive(auth(token));
      assertThat(carol.await("ack").getAsJsonObject("data").getAsJsonObject("user").get("name").getAsString())
          .isEqualTo("carol");
      assertThat(chat.accounts().login("carol", "correct horse", "127.0.0.1"))
          .isInstanceOf(Outcome.Ok.class);
    }
  }

  @Test
  void health_names_the_transport_and_store_it_was_told_and_fails_with_the_store() throws Exception {
    boolean[] reachable = {true};
    try (Chat chat = Chat.builder().tokenSecret(SECRET).transportName("servlet").storeHealth("postgresql",
        () -> reachable[0]).build()) {
      JsonObject health = JsonParser.parseString(chat.endpoints().http().handle(get("/health")).body())
          .getAsJsonObject();
      assertThat(health.get("transport").getAsString()).isEqualTo("servlet");
      assertThat(health.get("store").getAsString()).isEqualTo("postgresql");
      reachable[0] = false;
      assertThat(chat.endpoints().http().handle(get("/health")).status()).isEqualTo(503);
    }
  }

  @Test
  void a_chat_needs_exactly_one_of_a_token_secret_and_a_token_service() {
    assertThatThrownBy(() -> Chat.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tokenSecret");
    assertThatThrownBy(() -> Chat.builder().tokenSecret("too short").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
  }

  private static HttpRequest post(String path, String body) {
    return new HttpRequest("POST", path, Map.of(), name -> null, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
  }

  private static HttpRequest get(String path) {
    return new HttpRequest("GET", path, Map.of(), name -> null, new byte[0], "127.0.0.1");
  }

  private static String auth(String token) {
    return "{\"event\":\"auth\",\"data\":{\"token\":\"" + token + "\"},\"ack\":1}";
  }

  /** A client in this JVM: the frames the chat writes to it are queued here. */
  private static final class Client implements Connection {
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private ClientSession session;

    static Client connect(Chat chat) {
      Client client = new Client();
      client.session = chat.open(client);
      return client;
    }

    static Client of(Chat chat, User user) throws InterruptedException {
      Client client = connect(chat);
      client.session.receive(auth(chat.issueToken(user)));
      client.await("session");
      return client;
    }

    void joinGeneral() throws InterruptedException {
      session.receive("{\"event\":\"room:join\",\"data\":{\"room\":\"general\"}}");
      await("presence:state");
    }

    JsonObject await(String event) throws InterruptedException {
      while (true) {
        String frame = frames.poll(5, TimeUnit.SECONDS);
        assertThat(frame).as("a %s frame", event).isNotNull();
        JsonObject parsed = JsonParser.parseString(frame).getAsJsonObject();
        if (event.equals(parsed.get("event").getAsString())) {
          return parsed;
        }
      }
    }

    @Override
    public void send(List<String> batch, SendCallback done) {
      frames.addAll(batch);
      done.sent();
    }

    @Override
    public void ping() {
    }

    @Override
    public void close(int code, String reason) {
    }

    @Override
    public void abort() {
    }

    @Override
    public String remoteAddress() {
      return "in-process";
    }
  }
}
