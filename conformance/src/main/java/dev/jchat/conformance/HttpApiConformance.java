package dev.jchat.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jchat.core.chat.ChatSettings;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md section 1: accounts, login throttling, the room list, message pages, health, and the
 * error body {@code {"error","message"}} for every failure. Send limits are raised so pages can be
 * seeded quickly.
 */
public abstract class HttpApiConformance extends ChatConformanceSuite {
  private static final String PASSWORD = "correct horse";
  private static final String SECOND_ADDRESS = "127.0.0.2";

  @Override
  protected ChatSettings settings() {
    return fastRates();
  }

  private HttpResponse<String> login(String username, String password) throws Exception {
    return post("/api/auth/login", credentials(username, password));
  }

  private static JsonArray array(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonArray();
  }

  private static JsonObject room(JsonArray rooms, String name) {
    for (JsonElement room : rooms) {
      if (room.getAsJsonObject().get("name").getAsString().equals(name)) {
        return room.getAsJsonObject();
      }
    }
    throw new AssertionError("no room " + name + " in " + rooms);
  }

  private static void assertIssued(HttpResponse<String> response, int status, String name) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonObject body = json(response);
    assertThat(body.keySet()).containsExactlyInAnyOrder("token", "user");
    assertThat(body.get("token").getAsString()).isNotBlank();
    assertThat(body.getAsJsonObject("user").keySet()).containsExactlyInAnyOrder("id", "name");
    assertThat(body.getAsJsonObject("user").get("id").getAsLong()).isPositive();
    assertThat(body.getAsJsonObject("user").get("name").getAsString()).isEqualTo(name);
  }

  // --- register ---

  @Test
  void register_answers_201_with_a_token_that_opens_a_socket_and_the_api() throws Exception {
    String name = uniqueName("Alice.Smith-");
    HttpResponse<String> response = post("/api/auth/register", credentials(name, PASSWORD));
    assertIssued(response, 201, name);
    JsonObject body = json(response);
    Account account = new Account(body.get("token").getAsString(),
        body.getAsJsonObject("user").get("id").getAsLong(), name);
    try (WireClient client = connect(account)) {
      assertThat(client.framesUntilPong()).isEmpty();
    }
    assertThat(get("/api/rooms", account.token()).statusCode()).isEqualTo(200);
  }

  @Test
  void the_token_is_an_hs256_jwt_with_the_user_id_name_and_a_24_hour_expiry() throws Exception {
    Account kim = register("kim");
    String[] parts = kim.token().split("\\.");
    assertThat(parts).hasSize(3);
    JsonObject header = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
        .getAsJsonObject();
    JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
        .getAsJsonObject();
    assertThat(header.get("alg").getAsString()).isEqualTo("HS256");
    assertThat(claims.get("sub").getAsString()).isEqualTo(Long.toString(kim.id()));
    assertThat(claims.get("name").getAsString()).isEqualTo(kim.name());
    assertThat(claims.get("exp").getAsLong() - claims.get("iat").getAsLong()).isEqualTo(24 * 3600);
  }

  @Test
  void register_refuses_bad_usernames_and_passwords_with_400_invalid_payload() throws Exception {
    List<String> bodies = List.of(
        credentials("ab", PASSWORD), credentials("x".repeat(33), PASSWORD), credentials("bad name", PASSWORD),
        credentials("bäd", PASSWORD), credentials("", PASSWORD), credentials("a/b", PASSWORD),
        credentials("émile", PASSWORD), credentials("valid_name", "seven77"),
        credentials("valid_name", "p".repeat(129)), credentials("valid_name", "\ud83d\udd11".repeat(7)),
        credentials("valid_name", ""),
        "{\"password\":\"" + PASSWORD + "\"}", "{\"username\":\"valid_name\"}", "{}",
        "{\"username\":5,\"password\":\"" + PASSWORD + "\"}", "{\"username\":\"valid_name\",\"password\":12345678}",
        "{\"username\":null,\"password\":\"" + PASSWORD + "\"}", "{\"username\":[\"valid_name\"],\"password\":\"x\"}",
        "[]", "\"valid_name\"", "42");
    for (String body : bodies) {
      HttpResponse<String> response = post("/api/auth/register", body);
      assertHttpError(response, 400, "invalid_payload");
    }
    assertThat(login("valid_name", PASSWORD).statusCode()).as("nothing was created").isEqualTo(401);
  }

  @Test
  void register_accepts_the_boundaries_counting_code_points() throws Exception {
    String shortest = "a" + (uniqueName("") + "xy").substring(0, 2);
    String emojiPassword = "\ud83d\udd11".repeat(8);
    assertIssued(post("/api/auth/register", credentials(shortest, emojiPassword)), 201, shortest);
    assertIssued(login(shortest, emojiPassword), 200, shortest);
    String longest = (uniqueName("Z9_.-") + "-".repeat(32)).substring(0, 32);
    assertIssued(post("/api/auth/register", credentials(longest, "p".repeat(128))), 201, longest);
  }

  @Test
  void register_answers_409_conflict_for_a_taken_name_in_any_case() throws Exception {
    String name = uniqueName("Carol");
    assertIssued(post("/api/auth/register", credentials(name, PASSWORD)), 201, name);
    assertHttpError(post("/api/auth/register", credentials(name, "another password")), 409, "conflict");
    assertHttpError(post("/api/auth/register", credentials(name.toUpperCase(), PASSWORD)), 409, "conflict");
    assertHttpError(post("/api/auth/register", credentials(name.toLowerCase(), PASSWORD)), 409, "conflict");
    assertIssued(login(name.toLowerCase(), PASSWORD), 200, name);
  }

  @Test
  void a_body_that_is_not_json_gets_400_bad_json() throws Exception {
    for (String body : List.of("{", "not json", "", "{username:\"dave1\",password:\"correct horse\"}",
        "{'username':'dave2','password':'correct horse'}", "{\"username\":\"dave3\",\"password\":\"correct horse\"} x",
        "{\"username\":\"dave4\",\"password\":\"correct horse\"}{}")) {
      assertHttpError(post("/api/auth/register", body), 400, "bad_json");
      assertHttpError(post("/api/auth/login", body), 400, "bad_json");
    }
  }

  @Test
  void a_body_over_16_kib_gets_413_too_large_and_16_kib_is_read() throws Exception {
    String head = "{\"username\":\"eve\"";
    String exactly16k = head + " ".repeat(16 * 1024 - head.length() - 1) + "}";
    assertThat(exactly16k).hasSize(16 * 1024);
    assertHttpError(post("/api/auth/register", exactly16k), 400, "invalid_payload");
    for (int size : new int[] {16 * 1024 + 1, 64 * 1024, 1024 * 1024}) {
      String tooLarge = head + " ".repeat(size - head.length() - 1) + "}";
      assertHttpError(post("/api/auth/register", tooLarge), 413, "too_large");
      assertHttpError(post("/api/auth/login", tooLarge), 413, "too_large");
    }
  }

  // --- login ---

  @Test
  void login_ignores_the_case_of_the_name_and_returns_it_as_registered() throws Exception {
    Account dave = register("DaveX");
    for (String asTyped : List.of(dave.name(), dave.name().toLowerCase(), dave.name().toUpperCase())) {
      HttpResponse<String> response = login(asTyped, PASSWORD);
      assertIssued(response, 200, dave.name());
      assertThat(json(response).getAsJsonObject("user").get("id").getAsLong()).isEqualTo(dave.id());
      assertThat(get("/api/rooms", json(response).get("token").getAsString()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void login_answers_a_wrong_password_and_an_unknown_user_with_the_same_401() throws Exception {
    Account frank = register("frank");
    HttpResponse<String> wrongPassword = login(frank.name(), "not the password");
    HttpResponse<String> unknownUser = login("nobody-" + frank.name(), PASSWORD);
    HttpResponse<String> impossibleName = login("x", PASSWORD);
    assertHttpError(wrongPassword, 401, "auth_failed");
    assertThat(unknownUser.statusCode()).isEqualTo(401);
    assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    assertThat(impossibleName.body()).isEqualTo(wrongPassword.body());
  }

  @Test
  void login_without_a_username_or_password_gets_400_invalid_payload() throws Exception {
    for (String body : List.of("{}", "{\"username\":\"someone\"}", "{\"password\":\"" + PASSWORD + "\"}",
        "{\"username\":5,\"password\":\"" + PASSWORD + "\"}", "[]")) {
      assertHttpError(post("/api/auth/login", body), 400, "invalid_payload");
    }
  }

  @Test
  void after_5_failed_logins_for_a_username_every_login_for_it_gets_429_from_any_address() throws Exception {
    Assumptions.assumeTrue(RawHttp.canBind(SECOND_ADDRESS), "this machine has no second loopback address");
    Account grace = register("grace");
    Account heidi = register("heidi");
    for (int i = 0; i < 5; i++) {
      assertHttpError(login(grace.name().toUpperCase(), "wrong password " + i), 401, "auth_failed");
    }
    assertHttpError(login(grace.name(), PASSWORD), 429, "rate_limited");
    RawHttp.Answer elsewhere = RawHttp.post(server.port(), SECOND_ADDRESS, "/api/auth/login",
        credentials(grace.name(), PASSWORD), Map.of());
    assertThat(elsewhere.status()).as("the right password, from another address").isEqualTo(429);
    assertThat(JsonParser.parseString(elsewhere.body()).getAsJsonObject().get("error").getAsString())
        .isEqualTo("rate_limited");
    RawHttp.Answer otherUser = RawHttp.post(server.port(), SECOND_ADDRESS, "/api/auth/login",
        credentials(heidi.name(), PASSWORD), Map.of());
    assertThat(otherUser.status()).as("another user from another address").isEqualTo(200);
  }

  @Test
  void after_5_failed_logins_from_an_address_every_login_from_it_gets_429_whatever_forwarded_headers_say()
      throws Exception {
    Assumptions.assumeTrue(RawHttp.canBind(SECOND_ADDRESS), "this machine has no second loopback address");
    Account ivan = register("ivan");
    for (int i = 0; i < 5; i++) {
      RawHttp.Answer failed = RawHttp.post(server.port(), SECOND_ADDRESS, "/api/auth/login",
          credentials("unknown" + i + ivan.name(), PASSWORD),
          Map.of("X-Forwarded-For", "203.0.113." + i, "X-Real-IP", "203.0.113." + i, "Forwarded", "for=203.0.113." + i));
      assertThat(failed.status()).isEqualTo(401);
    }
    RawHttp.Answer blocked = RawHttp.post(server.port(), SECOND_ADDRESS, "/api/auth/login",
        credentials(ivan.name(), PASSWORD), Map.of("X-Forwarded-For", "198.51.100.7"));
    assertThat(blocked.status()).as("a right login from the throttled address").isEqualTo(429);
    assertThat(JsonParser.parseString(blocked.body()).getAsJsonObject().keySet())
        .containsExactlyInAnyOrder("error", "message");
    assertIssued(login(ivan.name(), PASSWORD), 200, ivan.name());
  }

  // --- rooms ---

  @Test
  void the_room_api_needs_a_valid_bearer_token() throws Exception {
    Account judy = register("judy");
    String expired = chat.token(user(judy), Duration.ofSeconds(-5));
    String forged = judy.token().substring(0, judy.token().lastIndexOf('.') + 1) + "AAAA";
    for (String path : List.of("/api/rooms", "/api/rooms/general/messages")) {
      assertHttpError(get(path, null), 401, "auth_failed");
      assertHttpError(get(path, "garbage"), 401, "auth_failed");
      assertHttpError(get(path, expired), 401, "auth_failed");
      assertHttpError(get(path, forged), 401, "auth_failed");
      HttpResponse<String> basic = http.send(java.net.http.HttpRequest.newBuilder(url(path))
          .header("Authorization", "Basic " + judy.token()).build(), HttpResponse.BodyHandlers.ofString());
      assertHttpError(basic, 401, "auth_failed");
      HttpResponse<String> bare = http.send(java.net.http.HttpRequest.newBuilder(url(path))
          .header("Authorization", judy.token()).build(), HttpResponse.BodyHandlers.ofString());
      assertHttpError(bare, 401, "auth_failed");
      assertThat(get(path, judy.token()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void the_room_list_has_joined_rooms_with_their_last_message_id_or_null_and_distinct_users_online()
      throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    assertThat(array(get("/api/rooms", alice.token()))).isEmpty();
    try (WireClient a1 = connect(alice); WireClient a2 = connect(alice); WireClient b = connect(bob)) {
      join(a1, "general");
      join(a2, "general");
      join(b, "general");
      join(b, "random");
      long last = send(b, "random", "hello").get("id").getAsLong();
      assertThat(get("/api/rooms/never-joined/messages", alice.token()).statusCode()).isEqualTo(200);

      JsonArray rooms = array(get("/api/rooms", alice.token()));
      assertThat(rooms).hasSize(2);
      for (JsonElement room : rooms) {
        assertThat(room.getAsJsonObject().keySet()).containsExactlyInAnyOrder("name", "lastMessageId", "online");
      }
      JsonObject general = room(rooms, "general");
      assertThat(general.get("lastMessageId").isJsonNull()).as("a room without messages").isTrue();
      assertThat(general.get("online").getAsInt()).as("alice twice and bob: two users").isEqualTo(2);
      JsonObject random = room(rooms, "random");
      assertThat(random.get("lastMessageId").getAsLong()).isEqualTo(last);
      assertThat(random.get("online").getAsInt()).isEqualTo(1);

      b.close();
      a1.awaitEvent("presence:leave");
      awaitCondition(() -> room(array(get("/api/rooms", alice.token())), "random").get("online").getAsInt() == 0,
          "bob is gone from random too");
      assertThat(room(array(get("/api/rooms", alice.token())), "general").get("online").getAsInt()).isEqualTo(1);
    }
  }

  @Test
  @NeedsTheSuitesChat("sends 60 messages faster than the default send limit allows")
  void room_messages_come_in_pages_in_ascending_order_with_has_more() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      join(client, "general");
      List<Long> ids = seed(client, "general", 60);
      JsonObject byDefault = json(get("/api/rooms/general/messages", alice.token()));
      assertThat(byDefault.keySet()).containsExactlyInAnyOrder("messages", "hasMore");
      assertThat(ids(byDefault)).isEqualTo(ids.subList(10, 60));
      assertThat(byDefault.get("hasMore").getAsBoolean()).isTrue();
      JsonObject first = byDefault.getAsJsonArray("messages").get(0).getAsJsonObject();
      assertThat(first.keySet()).containsExactlyInAnyOrder("id", "seq", "room", "user", "userId", "text", "time");
      assertThat(first.get("room").getAsString()).isEqualTo("general");
      assertThat(first.get("user").getAsString()).isEqualTo(alice.name());
      assertThat(first.get("userId").getAsLong()).isEqualTo(alice.id());
      assertThat(first.get("text").getAsString()).isEqualTo("m11");
      assertThat(first.get("time").getAsString()).matches(Shapes.TIME);

      JsonObject older = json(get("/api/rooms/general/messages?before=" + ids.get(10) + "&limit=7", alice.token()));
      assertThat(ids(older)).isEqualTo(ids.subList(3, 10));
      assertThat(older.get("hasMore").getAsBoolean()).isTrue();
      JsonObject oldest = json(get("/api/rooms/general/messages?before=" + ids.get(3) + "&limit=100", alice.token()));
      assertThat(ids(oldest)).isEqualTo(ids.subList(0, 3));
      assertThat(oldest.get("hasMore").getAsBoolean()).isFalse();
      assertThat(ids(json(get("/api/rooms/general/messages?limit=1", alice.token())))).containsExactly(ids.get(59));
      assertThat(ids(json(get("/api/rooms/general/messages?limit=100", alice.token())))).isEqualTo(ids);
    }
  }

  @Test
  void room_messages_refuse_bad_paging_with_400_invalid_payload_and_bad_rooms_with_400_invalid_room()
      throws Exception {
    Account alice = register("alice");
    for (String query : List.of("limit=0", "limit=101", "limit=-1", "limit=abc", "limit=1.5", "limit=", "limit=%2B5",
        "limit=99999999999999999999", "before=0", "before=-3", "before=abc", "before=1.5", "before=",
        "before=99999999999999999999")) {
      assertHttpError(get("/api/rooms/general/messages?" + query, alice.token()), 400, "invalid_payload");
    }
    for (String room : List.of("General", "gen%20eral", "-general", "x".repeat(65), "g%C3%A9n")) {
      assertHttpError(get("/api/rooms/" + room + "/messages", alice.token()), 400, "invalid_room");
    }
  }

  @Test
  void an_unknown_room_has_an_empty_page() throws Exception {
    Account alice = register("alice");
    HttpResponse<String> response = get("/api/rooms/nobody-here/messages", alice.token());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(JsonParser.parseString("{\"messages\":[],\"hasMore\":false}"));
    assertThat(array(get("/api/rooms", alice.token()))).as("reading a page creates no room").isEmpty();
  }

  // --- health ---

  @Test
  void health_reports_ok_with_the_parts_in_use_and_the_open_connections() throws Exception {
    HttpResponse<String> response = get("/health", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject health = json(response);
    assertThat(health.keySet())
        .containsExactlyInAnyOrder("status", "transport", "store", "broker", "connections", "uptimeSeconds");
    assertThat(health.get("status").getAsString()).isEqualTo("ok");
    assertThat(health.get("transport").getAsString()).isEqualTo(transportName);
    assertThat(health.get("store").getAsString()).isNotBlank();
    assertThat(health.get("broker").getAsString()).isNotBlank();
    assertThat(health.get("connections").getAsInt()).isZero();
    assertThat(health.get("uptimeSeconds").getAsJsonPrimitive().getAsString()).matches("\\d+");
    try (WireClient one = WireClient.connect(ws()); WireClient two = WireClient.connect(ws())) {
      one.framesUntilPong();
      two.framesUntilPong();
      assertThat(json(get("/health", null)).get("connections").getAsInt()).isEqualTo(2);
    }
  }

  @Test
  @NeedsTheSuitesChat("switches the suite's store off")
  void health_answers_503_degraded_naming_the_store_when_it_is_unreachable() throws Exception {
    chat.storeReachable(false);
    HttpResponse<String> response = get("/health", null);
    assertThat(response.statusCode()).isEqualTo(503);
    JsonObject health = json(response);
    assertThat(health.get("status").getAsString()).isEqualTo("degraded");
    assertThat(health.getAsJsonArray("failing")).containsExactly(JsonParser.parseString("\"store\""));
    assertThat(health.keySet())
        .containsExactlyInAnyOrder("status", "failing", "transport", "store", "broker", "connections", "uptimeSeconds");
    chat.storeReachable(true);
    assertThat(get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void every_api_answer_forbids_type_sniffing_and_referrers() throws Exception {
    Account alice = register("alice");
    for (HttpResponse<String> response : List.of(get("/health", null), get("/api/rooms", alice.token()),
        get("/api/rooms", null), post("/api/auth/login", "{}"),
        request("GET", "/api/rooms", "http://evil.example", null))) {
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().toString())
          .hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(response.uri().toString())
          .hasValue("no-referrer");
    }
  }

  @Test
  void an_unknown_api_path_or_method_gets_an_error_body() throws Exception {
    for (String[] call : new String[][] {{"GET", "/api/nothing-here"}, {"GET", "/api/auth/login"},
        {"PUT", "/api/auth/register"}, {"DELETE", "/api/rooms"}, {"PATCH", "/api/rooms/general/messages"},
        {"POST", "/health"}}) {
      HttpResponse<String> response = request(call[0], call[1], null, call[0].equals("GET") ? null : "{}");
      assertThat(response.statusCode()).as("%s %s", call[0], call[1]).isBetween(400, 405);
      assertThat(json(response).keySet()).as("%s %s: %s", call[0], call[1], response.body())
          .containsExactlyInAnyOrder("error", "message");
    }
  }
}
