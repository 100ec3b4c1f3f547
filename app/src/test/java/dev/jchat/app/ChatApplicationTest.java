package dev.jchat.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
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

@Timeout(60)
class ChatApplicationTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dataDir;

  private ChatApplication start() {
    return ChatApplication.start(ChatConfig.from(
        Map.of("PORT", "0", "HOST", "127.0.0.1", "CHAT_DATA_DIR", dataDir.toString()), new Properties()));
  }

  private HttpResponse<String> send(ChatApplication app, HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI url(ChatApplication app, String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  @Test
  void the_started_server_reports_its_parts_in_health() throws Exception {
    try (ChatApplication app = start()) {
      HttpResponse<String> health = send(app, HttpRequest.newBuilder(url(app, "/health")));
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(JsonParser.parseString(health.body()).getAsJsonObject().get("transport").getAsString())
          .isEqualTo("javalin");
    }
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
