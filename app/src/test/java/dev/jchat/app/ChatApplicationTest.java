package dev.jchat.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jchat.conformance.Frames;
import dev.jchat.conformance.WireClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class ChatApplicationTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dataDir;

  private ChatApplication start() {
    return start("javalin");
  }

  private ChatApplication start(String transport) {
    return ChatApplication.start(ChatConfig.from(Map.of("PORT", "0", "HOST", "127.0.0.1",
        "CHAT_DATA_DIR", dataDir.toString(), "CHAT_TRANSPORT", transport), new Properties()));
  }

  private HttpResponse<String> send(ChatApplication app, HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI url(ChatApplication app, String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"javalin", "jakarta"})
  void either_transport_starts_with_one_setting_and_serves_the_page_and_health(String transport) throws Exception {
    try (ChatApplication app = start(transport)) {
      HttpResponse<String> health = send(app, HttpRequest.newBuilder(url(app, "/health")));
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(JsonParser.parseString(health.body()).getAsJsonObject().get("transport").getAsString())
          .isEqualTo(transport);
      HttpResponse<String> page = send(app, HttpRequest.newBuilder(url(app, "/")));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<title>");
    }
  }

  @Test
  void accounts_and_acknowledged_messages_survive_a_restart_on_the_h2_file() throws Exception {
    long messageId;
    try (ChatApplication app = start()) {
      String token = token(send(app, HttpRequest.newBuilder(url(app, "/api/auth/register"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"Alice\",\"password\":\"password1\"}"))));
      try (WireClient client = WireClient.connect(URI.create("ws://127.0.0.1:" + app.port() + "/ws"))) {
        client.awaitAnswer(client.request("auth", Frames.data("token", token)));
        client.awaitAnswer(client.request("room:join", Frames.data("room", "general")));
        JsonObject ack = client.awaitAnswer(client.request("chat:send", Frames.data("room", "general", "text", "kept")));
        messageId = Frames.data(ack).get("id").getAsLong();
      }
    }
    try (ChatApplication app = start()) {
      String token = token(send(app, HttpRequest.newBuilder(url(app, "/api/auth/login"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"password1\"}"))));
      HttpResponse<String> page = send(app, HttpRequest.newBuilder(url(app, "/api/rooms/general/messages"))
          .header("Authorization", "Bearer " + token));
      JsonObject message = JsonParser.parseString(page.body()).getAsJsonObject()
          .getAsJsonArray("messages").get(0).getAsJsonObject();
      assertThat(message.get("id").getAsLong()).isEqualTo(messageId);
      assertThat(message.get("text").getAsString()).isEqualTo("kept");
      assertThat(message.get("user").getAsString()).isEqualTo("Alice");
    }
  }

  private static String token(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return JsonParser.parseString(response.body()).getAsJsonObject().get("token").getAsString();
  }

  @Test
  void a_token_issued_before_a_restart_is_still_accepted_after_it() throws Exception {
    String token;
    try (ChatApplication app = start()) {
      HttpResponse<String> registered = send(app, HttpRequest.newBuilder(url(app, "/api/auth/register"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"password1\"}")));
      token = JsonParser.parseString(registered.body()).getAsJsonObject().get("token").getAsString();
    }
    try (ChatApplication app = start()) {
      HttpResponse<String> rooms = send(app, HttpRequest.newBuilder(url(app, "/api/rooms"))
          .header("Authorization", "Bearer " + token));
      assertThat(rooms.statusCode()).isEqualTo(200);
    }
  }
}
