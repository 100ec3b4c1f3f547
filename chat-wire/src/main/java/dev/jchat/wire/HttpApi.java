package dev.jchat.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import dev.jchat.core.account.AccountService;
import dev.jchat.core.chat.Rooms;
import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.domain.Rejection;
import dev.jchat.core.domain.RoomName;
import dev.jchat.core.domain.RoomSummary;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API of PROTOCOL.md section 1, independent of any server library: every transport turns a
 * request into an {@link HttpRequest}, calls {@link #handle} and writes the {@link HttpResponse}.
 */
public final class HttpApi {
  public static final int MAX_BODY_BYTES = 16 * 1024;
  /** How much of a body over the limit is read and dropped before the 413 is sent. */
  private static final int DRAIN_BYTES = 1024 * 1024;
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Pattern ROOM_MESSAGES = Pattern.compile("/api/rooms/([^/]*)/messages");

  private final AccountService accounts;
  private final Rooms rooms;
  private final OriginPolicy origins;
  private final Health health;
  private final Supplier<String> metrics;

  /** Without {@code /metrics}. */
  public HttpApi(AccountService accounts, Rooms rooms, OriginPolicy origins, Health health) {
    this(accounts, rooms, origins, health, null);
  }

  /** With {@code GET /metrics} answering what {@code metrics} gives, in the Prometheus text format. */
  public HttpApi(AccountService accounts, Rooms rooms, OriginPolicy origins, Health health, Supplier<String> metrics) {
    this.accounts = accounts;
    this.rooms = rooms;
    this.origins = origins;
    this.health = health;
    this.metrics = metrics;
  }

  /** True for the paths this API answers; a transport serves everything else as static files. */
  public static boolean owns(String path) {
    return path.equals("/health") || path.equals("/metrics") || path.startsWith("/api/");
  }

  /**
   * Reads a request body for {@link #handle}: one byte past the limit tells the API it is too large.
   * The rest of such a body is read and dropped, up to {@link #DRAIN_BYTES}: a server that closes with
   * a body still arriving resets the connection, and the client loses the 413.
   */
  public static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      byte[] scrap = new byte[8192];
      int drained = 0;
      int read;
      while (drained < DRAIN_BYTES && (read = in.read(scrap)) >= 0) {
        drained += read;
      }
    }
    return body;
  }

  /** The answer to a request, with the {@link SecurityHeaders#API} headers. */
  public HttpResponse handle(HttpRequest request) {
    HttpResponse answer = answer(request);
    Map<String, String> headers = new LinkedHashMap<>(SecurityHeaders.API);
    headers.putAll(answer.headers());
    return new HttpResponse(answer.status(), headers, answer.body());
  }

  private HttpResponse answer(HttpRequest request) {
    String origin = request.header().apply("Origin");
    if (!origins.admits(origin)) {
      return OriginPolicy.REFUSED;
    }
    Map<String, String> cors = OriginPolicy.cors(origin);
    if (request.method().equals("OPTIONS")) {
      return new HttpResponse(204, cors, "");
    }
    try {
      return route(request, cors);
    } catch (StoreUnavailableException e) {
      return error(cors, ErrorCode.UNAVAILABLE, "the store cannot be reached; try again");
    } catch (RuntimeException e) {
      return Failures.internalError(request, e);
    }
  }

  private HttpResponse route(HttpRequest request, Map<String, String> cors) {
    String path = request.path();
    String method = request.method();
    if (path.equals("/health") && method.equals("GET")) {
      return health(cors);
    }
    if (path.equals("/metrics") && method.equals("GET") && metrics != null) {
      return new HttpResponse(200, Map.of("Content-Type", PROMETHEUS_TEXT), metrics.get());
    }
    if (path.equals("/api/auth/register") && method.equals("POST")) {
      return withBody(request, cors, body -> issued(cors, 201,
          accounts.register(Json.string(body.get("username")), Json.string(body.get("password")),
              request.remoteAddress())));
    }
    if (path.equals("/api/auth/login") && method.equals("POST")) {
      return withBody(request, cors, body -> issued(cors, 200, accounts.login(
          Json.string(body.get("username")), Json.string(body.get("password")), request.remoteAddress())));
    }
    Matcher roomMessages = ROOM_MESSAGES.matcher(path);
    boolean roomsPath = path.equals("/api/rooms");
    if ((roomsPath || roomMessages.matches()) && method.equals("GET")) {
      Optional<User> user = bearer(request);
      if (user.isEmpty()) {
        return error(cors, ErrorCode.AUTH_FAILED, "a valid Bearer token is required");
      }
      return roomsPath ? roomList(cors) : messages(cors, roomMessages.group(1), request.query());
    }
    return new HttpResponse(404, cors, ErrorBody.json(ErrorCode.INVALID_PAYLOAD, "no such endpoint"));
  }

  private HttpResponse health(Map<String, String> cors) {
    List<String> failing = health.failing();
    String body = write(json -> {
      json.beginObject();
      json.name("status").value(failing.isEmpty() ? "ok" : "degraded");
      if (!failing.isEmpty()) {
        json.name("failing").beginArray();
        for (String part : failing) {
          json.value(part);
        }
        json.endArray();
      }
      json.name("transport").value(health.transport());
      json.name("store").value(health.store());
      json.name("broker").value(health.broker());
      json.name("connections").value(health.connections().getAsInt());
      json.name("uptimeSeconds").value(health.uptimeSeconds());
      json.endObject();
    });
    return new HttpResponse(failing.isEmpty() ? 200 : 503, cors, body);
  }

  private HttpResponse issued(Map<String, String> cors, int status, Outcome<AccountService.Issued> outcome) {
    return outcome.fold(issued -> new HttpResponse(status, cors, write(json -> {
      json.beginObject().name("token").value(issued.token()).name("user");
      EventWriter.user(json, issued.user());
      json.endObject();
    })), rejection -> error(cors, rejection));
  }

  private HttpResponse roomList(Map<String, String> cors) {
    List<RoomSummary> list = rooms.list();
    return new HttpResponse(200, cors, write(json -> {
      json.beginArray();
      for (RoomSummary room : list) {
        json.beginObject().name("name").value(room.name()).name("lastMessageId");
        if (room.lastMessageId() == null) {
          json.nullValue();
        } else {
          json.value(room.lastMessageId());
        }
        json.name("online").value(room.online()).endObject();
      }
      json.endArray();
    }));
  }

  private HttpResponse messages(Map<String, String> cors, String room, Map<String, String> query) {
    return RoomName.parse(room).then(name -> page(name, query)).fold(page -> new HttpResponse(200, cors,
        write(json -> {
          json.beginObject().name("messages");
          EventWriter.messages(json, page.messages());
          json.name("hasMore").value(page.hasMore()).endObject();
        })), rejection -> error(cors, rejection));
  }

  private Outcome<HistoryPage> page(RoomName room, Map<String, String> query) {
    try {
      return rooms.page(room.value(), positiveOrNull(query.get("before")), positiveOrNull(query.get("limit")));
    } catch (NumberFormatException e) {
      return Outcome.refused(ErrorCode.INVALID_PAYLOAD, "before and limit must be positive integers");
    }
  }

  private static Long positiveOrNull(String value) {
    if (value == null) {
      return null;
    }
    long parsed = Long.parseLong(value);
    if (parsed < 1 || !value.matches("\\d+")) {
      throw new NumberFormatException(value);
    }
    return parsed;
  }

  private Optional<User> bearer(HttpRequest request) {
    String authorization = request.header().apply("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return Optional.empty();
    }
    return accounts.authenticate(authorization.substring("Bearer ".length()).trim());
  }

  private interface BodyHandler {
    HttpResponse handle(JsonObject body);
  }

  /** Checks size and JSON shape of a request body before the handler sees it. */
  private static HttpResponse withBody(HttpRequest request, Map<String, String> cors, BodyHandler handler) {
    if (request.body().length > MAX_BODY_BYTES) {
      return error(cors, ErrorCode.TOO_LARGE, "a request body holds at most 16 KiB");
    }
    JsonElement parsed = Json.parse(new String(request.body(), StandardCharsets.UTF_8));
    if (parsed == null) {
      return error(cors, ErrorCode.BAD_JSON, "the body is not JSON");
    }
    if (!parsed.isJsonObject()) {
      return error(cors, ErrorCode.INVALID_PAYLOAD, "the body must be a JSON object");
    }
    return handler.handle(parsed.getAsJsonObject());
  }

  private static HttpResponse error(Map<String, String> headers, Rejection rejection) {
    return ErrorBody.response(headers, rejection);
  }

  private static HttpResponse error(Map<String, String> headers, ErrorCode code, String message) {
    return ErrorBody.response(headers, code, message);
  }

  private interface JsonBody {
    void write(JsonWriter json) throws IOException;
  }

  private static String write(JsonBody body) {
    StringWriter out = new StringWriter();
    try (JsonWriter json = new JsonWriter(out)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
