package dev.jchat.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md section 1 on origins: one allow-list (the default here) for CORS and the WebSocket
 * upgrade; a refused origin gets 403 on every request and no upgrade; no Origin is allowed.
 */
public abstract class OriginConformance extends ChatConformanceSuite {
  private static final List<String> ADMITTED = List.of("http://localhost:5173", "http://localhost",
      "https://localhost:8443", "http://127.0.0.1:3000", "http://[::1]:3000", "https://[::1]", "http://10.1.2.3:8080",
      "http://172.16.0.1", "https://172.31.255.254:3000", "http://192.168.1.20:5173");
  private static final List<String> REFUSED = List.of("null", "http://localhost.evil.example",
      "https://localhost.evil.example:3000", "http://evil.example", "http://127.0.0.1.nip.io", "http://172.32.0.1",
      "http://172.15.0.1", "http://192.169.1.1", "http://11.0.0.1", "ftp://localhost", "http://localhost:3000/app",
      "http://user@localhost", "localhost", "http://evil.example/http://localhost", "file://");

  private static void assertRefused(HttpResponse<String> response, String origin) {
    assertThat(response.statusCode()).as("status for origin %s", origin).isEqualTo(403);
    assertThat(json(response).get("error").getAsString()).as("body for origin %s", origin).isEqualTo("forbidden");
    assertThat(json(response).keySet()).containsExactlyInAnyOrder("error", "message");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as("CORS for origin %s", origin).isEmpty();
  }

  @Test
  void an_admitted_origin_gets_its_origin_back_in_access_control_allow_origin() throws Exception {
    for (String origin : ADMITTED) {
      HttpResponse<String> response = request("GET", "/health", origin, null);
      assertThat(response.statusCode()).as("status for origin %s", origin).isEqualTo(200);
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as("origin %s", origin).hasValue(origin);
    }
  }

  @Test
  void errors_to_an_admitted_origin_carry_cors_headers_too() throws Exception {
    HttpResponse<String> response = request("POST", "/api/auth/login", "http://localhost:5173",
        credentials("nobody", "wrong password"));
    assertHttpError(response, 401, "auth_failed");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
  }

  @Test
  void a_preflight_from_an_admitted_origin_allows_the_api_methods_and_headers() throws Exception {
    HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(url("/api/auth/login"))
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type, authorization")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isIn(200, 204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST", "GET");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("content-type", "authorization");
  }

  @Test
  void a_refused_origin_gets_403_forbidden_on_every_http_request() throws Exception {
    Account alice = register("alice");
    for (String origin : REFUSED) {
      assertRefused(request("GET", "/health", origin, null), origin);
      assertRefused(request("POST", "/api/auth/login", origin, credentials(alice.name(), "correct horse")), origin);
      assertRefused(request("OPTIONS", "/api/auth/login", origin, null), origin);
      assertRefused(request("GET", "/", origin, null), origin);
      HttpResponse<String> rooms = http.send(java.net.http.HttpRequest.newBuilder(url("/api/rooms"))
          .header("Origin", origin).header("Authorization", "Bearer " + alice.token()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertRefused(rooms, origin);
    }
  }

  @Test
  void a_request_from_a_refused_origin_has_no_effect() throws Exception {
    String name = uniqueName("mallory");
    assertRefused(request("POST", "/api/auth/register", "http://localhost.evil.example",
        credentials(name, "correct horse")), "http://localhost.evil.example");
    HttpResponse<String> response = post("/api/auth/register", credentials(name, "correct horse"));
    assertThat(response.statusCode()).as("the name was not taken by the refused request").isEqualTo(201);
  }

  @Test
  void a_request_without_origin_is_allowed_and_gets_no_cors_headers() throws Exception {
    HttpResponse<String> response = request("GET", "/health", null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void the_websocket_upgrade_is_refused_with_403_for_a_refused_origin() throws Exception {
    for (String origin : REFUSED) {
      assertThat(WireClient.upgradeStatus(ws(), origin)).as("upgrade from origin %s", origin).isEqualTo(403);
    }
    assertThat(json(get("/health", null)).get("connections").getAsInt()).as("no socket was opened").isZero();
  }

  @Test
  void the_websocket_upgrade_is_accepted_for_an_admitted_origin_or_none() throws Exception {
    for (String origin : ADMITTED) {
      assertThat(WireClient.upgradeStatus(ws(), origin)).as("upgrade from origin %s", origin).isEqualTo(101);
    }
    assertThat(WireClient.upgradeStatus(ws(), null)).isEqualTo(101);
    Account alice = register("alice");
    try (WireClient client = WireClient.connect(ws(), "http://localhost:5173")) {
      int ack = client.request("auth", Frames.data("token", alice.token()));
      assertThat(Frames.event(client.awaitAnswer(ack))).isEqualTo("ack");
    }
  }
}
