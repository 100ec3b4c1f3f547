package dev.jchat.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.conformance.TestChat;
import dev.jchat.core.chat.ChatSettings;
import dev.jchat.core.domain.User;
import dev.jchat.wire.ChatServer;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The official Java client ({@code io.socket:socket.io-client}), forced to long-polling, against /socket.io/. */
@Timeout(30)
class JavaSocketIoClientTest {
  private static final long WAIT_SECONDS = 10;

  private TestChat chat;
  private ChatServer server;
  private Socket socket;

  @BeforeEach
  void start() {
    chat = new TestChat(ChatSettings.defaults(), "javalin");
    server = JavalinTransport.start(chat.endpoints(), "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    if (socket != null) {
      socket.close();
    }
    server.close();
    chat.close();
  }

  @Test
  void a_client_with_a_valid_token_joins_sends_with_an_ack_and_receives_its_message() throws Exception {
    socket = pollingClient(chat.token(new User(5, "jane"), Duration.ofHours(1)));
    BlockingQueue<Object> sessions = on("session", new LinkedBlockingQueue<>());
    BlockingQueue<Object> messages = on("chat:new", new LinkedBlockingQueue<>());
    socket.connect();

    JSONObject session = (JSONObject) next(sessions);
    assertThat(session.getJSONObject("user").getString("name")).isEqualTo("jane");

    JSONObject joined = request("room:join", new JSONObject().put("room", "java"));
    assertThat(joined.getString("room")).isEqualTo("java");
    JSONObject sent = request("chat:send", new JSONObject().put("room", "java").put("text", "from the JVM"));
    JSONObject message = (JSONObject) next(messages);
    assertThat(message.getLong("id")).isEqualTo(sent.getLong("id"));
    assertThat(message.getString("text")).isEqualTo("from the JVM");
  }

  @Test
  void a_client_with_a_bad_token_gets_connect_error_auth_failed() throws Exception {
    socket = pollingClient("forged");
    BlockingQueue<Object> errors = on(Socket.EVENT_CONNECT_ERROR, new LinkedBlockingQueue<>());
    socket.connect();

    assertThat(((JSONObject) next(errors)).getString("message")).isEqualTo("auth_failed");
  }

  private Socket pollingClient(String token) {
    IO.Options options = IO.Options.builder()
        .setTransports(new String[] {"polling"})
        .setAuth(Map.of("token", token))
        .setReconnection(false)
        .setForceNew(true)
        .build();
    return IO.socket(URI.create("http://127.0.0.1:" + server.port()), options);
  }

  /** Emits with an acknowledgement; what the acknowledgement received. */
  private JSONObject request(String event, JSONObject data) throws InterruptedException {
    BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    socket.emit(event, new Object[] {data}, (Ack) args -> answers.add(args[0]));
    return (JSONObject) next(answers);
  }

  private BlockingQueue<Object> on(String event, BlockingQueue<Object> queue) {
    socket.on(event, args -> queue.add(args.length > 0 ? args[0] : "none"));
    return queue;
  }

  private static Object next(BlockingQueue<Object> queue) throws InterruptedException {
    Object value = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(value).as("an event within " + WAIT_SECONDS + " s").isNotNull();
    return value;
  }
}
