package dev.jchat.app;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.errorCode;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jchat.conformance.WireClient;
import dev.jchat.jdbc.DatabaseConfig;
import dev.jchat.jdbc.PostgresServer;
import dev.jchat.jdbc.TcpProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole server on PostgreSQL through a proxy that the test cuts and restores. */
@Timeout(120)
class DatabaseOutageTest {
  private static final int MAX_ATTEMPTS = 30;
  private final HttpClient http = HttpClient.newHttpClient();
  private String schema;

  @TempDir
  Path dataDir;

  @BeforeEach
  void needsPostgres() throws Exception {
    CiRequirement.assumeAvailable(PostgresServer.unreachableBecause());
    schema = PostgresServer.createSchema();
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schema != null) {
      PostgresServer.dropSchema(schema);
    }
  }

  @Test
  void while_the_database_is_cut_off_sends_are_unavailable_and_the_server_recovers_without_a_restart() throws Exception {
    try (TcpProxy proxy = TcpProxy.start(PostgresServer.address())) {
      DatabaseConfig viaProxy = PostgresServer.configVia(schema, proxy.port());
      ChatConfig config = ChatConfig.from(Map.of("PORT", "0", "HOST", "127.0.0.1", "CHAT_DATA_DIR", dataDir.toString(),
          "CHAT_DB_URL", viaProxy.url(), "CHAT_DB_USER", viaProxy.user(), "CHAT_DB_PASSWORD", viaProxy.password()),
          new Properties());
      try (ChatApplication app = ChatApplication.start(config);
           WireClient client = WireClient.connect(URI.create("ws://127.0.0.1:" + app.port() + "/ws"))) {
        String token = register(app);
        client.awaitAnswer(client.request("auth", data("token", token)));
        client.awaitAnswer(client.request("room:join", data("room", "general")));
        assertThat(event(send(client, "before", "c-1"))).isEqualTo("ack");

        proxy.cut();
        JsonObject refused = send(client, "during", "c-2");
        assertThat(errorCode(refused)).isEqualTo("unavailable");
        HttpResponse<String> health = get(app, "/health", null);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"failing\":[\"store\"]");

        proxy.restore();
        JsonObject answer = refused;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !"ack".equals(event(answer)); attempt++) {
          answer = send(client, "during", "c-2"); // each refusal takes the pool's connection timeout
        }
        assertThat(event(answer)).as("a send after the database returned").isEqualTo("ack");
        assertThat(get(app, "/health", null).statusCode()).isEqualTo(200);

        JsonArray messages = JsonParser.parseString(get(app, "/api/rooms/general/messages", token).body())
            .getAsJsonObject().getAsJsonArray("messages");
        assertThat(messages).extracting(m -> m.getAsJsonObject().get("text").getAsString())
            .containsExactly("before", "during");
      }
    }
  }

  private static JsonObject send(WireClient client, String text, String clientMsgId) throws Exception {
    return client.awaitAnswer(client.request("chat:send", data("room", "general", "text", text,
        "clientMsgId", clientMsgId)));
  }

  private String register(ChatApplication app) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(app, "/api/auth/register"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"password1\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JsonParser.parseString(response.body()).getAsJsonObject().get("token").getAsString();
  }

  private HttpResponse<String> get(ChatApplication app, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(app, path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI url(ChatApplication app, String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }
}
