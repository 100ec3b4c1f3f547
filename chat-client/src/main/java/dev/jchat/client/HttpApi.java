package dev.jchat.client;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The server's HTTP API (PROTOCOL.md section 1), as far as a client needs it: accounts and history pages. */
final class HttpApi {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();
  private final URI server;

  HttpApi(URI server) {
    this.server = server;
  }

  Account register(String username, String password) {
    return account(post("/api/auth/register", credentials(username, password)));
  }

  Account login(String username, String password) {
    return account(post("/api/auth/login", credentials(username, password)));
  }

  /** A page of the room's messages older than {@code before} (null: the newest). */
  CompletableFuture<HistoryPage> history(String token, String room, Long before, int limit) {
    String query = "?limit=" + limit + (before == null ? "" : "&before=" + before);
    HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/rooms/"
            + URLEncoder.encode(room, StandardCharsets.UTF_8) + "/messages" + query))
        .timeout(TIMEOUT).header("Authorization", "Bearer " + token).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> Frames.page(answer(response)));
  }

  private static JsonObject credentials(String username, String password) {
    JsonObject body = new JsonObject();
    body.addProperty("username", username);
    body.addProperty("password", password);
    return body;
  }

  private HttpResponse<String> post(String path, JsonObject body) {
    HttpRequest request = HttpRequest.newBuilder(server.resolve(path)).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + server, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Account account(HttpResponse<String> response) {
    JsonObject body = answer(response);
    return new Account(body.get("token").getAsString(), Frames.user(body.getAsJsonObject("user")));
  }

  /** The body of a 2xx answer, or the error it carries as a {@link ChatException}. */
  private static JsonObject answer(HttpResponse<String> response) {
    JsonObject body;
    try {
      body = JsonParser.parseString(response.body()).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new ChatException(ErrorCode.UNKNOWN, "HTTP " + response.statusCode() + " without a JSON body");
    }
    if (response.statusCode() / 100 != 2) {
      throw new ChatException(ErrorCode.fromWire(body.get("error").getAsString()), body.get("message").getAsString());
    }
    return body;
  }
}
