package com.example.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jchat.conformance.Frames;
import dev.jchat.conformance.WireClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the conformance suite does not look at: the application around the chat, and its database. */
@Timeout(120)
class ChatApplicationTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void the_applications_own_controller_answers_beside_the_chats_api_and_health_names_postgresql()
      throws Exception {
    try (RunningApplication app = RunningApplication.onNewSchema()) {
      HttpResponse<String> status = get(app, "/status", null);
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(json(status).get("application").getAsString()).isEqualTo("up");
      assertThat(json(get(app, "/health", null)).get("store").getAsString()).isEqualTo("postgresql");
    }
  }

  @Test
  void accounts_and_messages_live_in_the_applications_database_and_outlive_a_restart() throws Exception {
    String schema = RunningApplication.createSchema();
    try {
      String token;
      try (RunningApplication app = RunningApplication.on(schema)) {
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(uri(app, "/api/auth/register"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"correct horse\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        token = json(registered).get("token").getAsString();
        try (WireClient alice = WireClient.connect(URI.create("ws://127.0.0.1:" + app.port() + "/ws"))) {
          alice.awaitAnswer(alice.request("auth", Frames.data("token", token)));
          alice.awaitAnswer(alice.request("room:join", Frames.data("room", "general")));
          JsonObject ack = alice.awaitAnswer(alice.request("chat:send", Frames.data("room", "general", "text", "kept")));
          assertThat(Frames.event(ack)).as(ack.toString()).isEqualTo("ack");
        }
      }

      try (RunningApplication restarted = RunningApplication.on(schema)) {
        HttpResponse<String> page = get(restarted, "/api/rooms/general/messages", token);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(json(page).getAsJsonArray("messages").get(0).getAsJsonObject().get("text").getAsString())
            .isEqualTo("kept");
      }
    } finally {
      RunningApplication.dropSchema(schema);
    }
  }

  private HttpResponse<String> get(RunningApplication app, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(app, path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(RunningApplication app, String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  private static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }
}
