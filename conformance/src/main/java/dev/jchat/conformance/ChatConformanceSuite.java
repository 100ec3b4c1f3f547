package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.errorCode;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jchat.core.chat.ChatSettings;
import dev.jchat.core.domain.User;
import dev.jchat.wire.ChatServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the wire-level conformance suite: each test gets a fresh chat served by the transport
 * under test on a free port, and talks to it only over real HTTP and WebSocket connections. See
 * {@link Transport} for how a transport runs the suite.
 */
@Timeout(60)
@ExtendWith(TransportResolver.class)
public abstract class ChatConformanceSuite {

  /** A registered user: the token and the user as the server returned them. */
  public record Account(String token, long id, String name) {
  }

  private static final AtomicInteger NAMES = new AtomicInteger();

  protected TestChat chat;
  protected ChatServer server;
  /** The name the transport under test reports in /health. */
  protected String transportName;
  protected final HttpClient http = HttpClient.newHttpClient();

  /** The protocol's limits, with timings short enough for tests; a test class may override. */
  protected ChatSettings settings() {
    return ChatSettings.defaults();
  }

  @BeforeEach
  void startServer(Transport transport) throws Exception {
    transportName = transport.name();
    chat = new TestChat(settings(), transport.name());
    server = transport.start(chat.endpoints());
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
    chat.close();
  }

  protected URI ws() {
    return URI.create("ws://127.0.0.1:" + server.port() + "/ws");
  }

  protected URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  protected static String uniqueName(String prefix) {
    return prefix + NAMES.incrementAndGet();
  }

  // --- HTTP ---

  protected HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(url(path)).timeout(WireClient.TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Any request; {@code origin} and {@code body} may be null. */
  protected HttpResponse<String> request(String method, String path, String origin, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(WireClient.TIMEOUT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(WireClient.TIMEOUT).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  protected static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  protected static String credentials(String username, String password) {
    JsonObject body = new JsonObject();
    body.addProperty("username", username);
    body.addProperty("password", password);
    return body.toString();
  }

  /** Asserts an HTTP error: the status, and a body of exactly {@code {"error","message"}} with the code. */
  protected static void assertHttpError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonObject body = json(response);
    assertThat(body.keySet()).as(response.body()).containsExactlyInAnyOrder("error", "message");
    assertThat(body.get("error").getAsString()).as(response.body()).isEqualTo(code);
    assertThat(body.get("message").getAsJsonPrimitive().isString()).isTrue();
  }

  protected static User user(Account account) {
    return new User(account.id(), account.name());
  }

  protected Account register(String prefix) throws Exception {
    HttpResponse<String> response = post("/api/auth/register", credentials(uniqueName(prefix), "correct horse"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonObject body = json(response);
    JsonObject user = body.getAsJsonObject("user");
    return new Account(body.get("token").getAsString(), user.get("id").getAsLong(), user.get("name").getAsString());
  }

  // --- WebSocket ---

  /** A connected, authenticated client, with the auth ack and the session event consumed. */
  protected WireClient connect(Account account) throws Exception {
    WireClient client = WireClient.connect(ws());
    int ack = client.request("auth", data("token", account.token()));
    JsonObject answer = client.awaitAnswer(ack);
    assertThat(event(answer)).as(answer.toString()).isEqualTo("ack");
    client.awaitEvent("session");
    return client;
  }

  /** Joins and consumes the ack, chat:history and presence:state; returns the history frame. */
  protected JsonObject join(WireClient client, String room) throws Exception {
    int ack = client.request("room:join", data("room", room));
    JsonObject answer = client.awaitAnswer(ack);
    assertThat(event(answer)).as(answer.toString()).isEqualTo("ack");
    JsonObject history = client.next();
    assertThat(event(history)).isEqualTo("chat:history");
    assertThat(event(client.next())).isEqualTo("presence:state");
    return history;
  }

  /** Sends a message and returns its ack data ({@code id}, {@code time}). */
  protected JsonObject send(WireClient client, String room, String text) throws Exception {
    int ack = client.request("chat:send", data("room", room, "text", text));
    JsonObject answer = client.awaitAnswer(ack);
    assertThat(event(answer)).as(answer.toString()).isEqualTo("ack");
    return data(answer);
  }

  /** Sends a request and returns the error code it was answered with. */
  protected String errorFor(WireClient client, String event, JsonObject data) throws Exception {
    int ack = client.request(event, data);
    JsonObject answer = client.awaitAnswer(ack);
    assertThat(event(answer)).as(answer.toString()).isEqualTo("chat:error");
    return errorCode(answer);
  }

  /**
   * Sends {@code count} messages ("m1", "m2", …) as fast as the rate limits allow, with up to 20
   * requests in flight, and returns their ids in order. Classes that seed many messages raise the
   * send rate with {@link #fastRates()}.
   */
  protected List<Long> seed(WireClient client, String room, int count) throws Exception {
    List<Long> ids = new ArrayList<>();
    int sent = 0;
    while (sent < count) {
      List<Integer> acks = new ArrayList<>();
      for (int i = 0; i < 20 && sent < count; i++) {
        acks.add(client.request("chat:send", data("room", room, "text", "m" + (++sent))));
      }
      for (int ack : acks) {
        JsonObject answer = client.awaitAnswer(ack);
        assertThat(event(answer)).as(answer.toString()).isEqualTo("ack");
        ids.add(data(answer).get("id").getAsLong());
      }
    }
    return ids;
  }

  /** The protocol's defaults with sending and frame limits out of the way, for tests that seed history. */
  protected static ChatSettings fastRates() {
    return fastRatesBuilder().build();
  }

  /** {@link #fastRates()}, to change more. */
  protected static ChatSettings.Builder fastRatesBuilder() {
    ChatSettings.Limits limits = ChatSettings.defaults().limits();
    ChatSettings.RateLimit unlimited = new ChatSettings.RateLimit(1_000_000, 1_000_000);
    return ChatSettings.builder().limits(new ChatSettings.Limits(unlimited, limits.typing(), unlimited,
        limits.maxRefusedPerMinute(), limits.maxConnectionsPerUser()));
  }

  /** Polls a condition that the server reaches asynchronously (e.g. after a socket closes). */
  protected static void awaitCondition(Callable<Boolean> condition, String what) throws Exception {
    long deadline = System.nanoTime() + WireClient.TIMEOUT.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WireClient.TIMEOUT + ": " + what);
      }
      Thread.sleep(20);
    }
  }

  protected static List<String> texts(JsonObject historyOrPage) {
    List<String> texts = new ArrayList<>();
    historyOrPage.getAsJsonArray("messages").forEach(m -> texts.add(m.getAsJsonObject().get("text").getAsString()));
    return texts;
  }

  protected static List<Long> ids(JsonObject historyOrPage) {
    List<Long> ids = new ArrayList<>();
    historyOrPage.getAsJsonArray("messages").forEach(m -> ids.add(m.getAsJsonObject().get("id").getAsLong()));
    return ids;
  }

  protected static List<Long> seqs(JsonObject historyOrPage) {
    List<Long> seqs = new ArrayList<>();
    historyOrPage.getAsJsonArray("messages").forEach(m -> seqs.add(m.getAsJsonObject().get("seq").getAsLong()));
    return seqs;
  }

  protected static Duration quietPeriod() {
    return Duration.ofMillis(300);
  }
}
