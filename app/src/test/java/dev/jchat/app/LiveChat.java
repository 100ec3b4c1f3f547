package dev.jchat.app;

import static dev.jchat.conformance.Frames.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.jchat.conformance.WireClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A user of a server that runs in a process of its own: HTTP and /ws as a client sees them. */
final class LiveChat {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final int port;

  LiveChat(int port) {
    this.port = port;
  }

  HttpClient http() {
    return http;
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  URI webSocket() {
    return URI.create("ws://127.0.0.1:" + port + "/ws");
  }

  HttpRequest registration(String name) {
    return HttpRequest.newBuilder(url("/api/auth/register"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\"password1\"}"))
        .build();
  }

  /** Registers {@code name} over HTTP, connects to /ws, authenticates and joins the room general. */
  WireClient joinGeneral(String name) throws Exception {
    HttpResponse<String> registered = http.send(registration(name), HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String token = JsonParser.parseString(registered.body()).getAsJsonObject().get("token").getAsString();
    WireClient client = WireClient.connect(webSocket());
    assertThat(client.awaitAnswer(client.request("auth", data("token", token))).get("event").getAsString())
        .isEqualTo("ack");
    assertThat(client.awaitAnswer(client.request("room:join", data("room", "general"))).get("event").getAsString())
        .isEqualTo("ack");
    return client;
  }
}
