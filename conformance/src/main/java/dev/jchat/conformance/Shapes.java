package dev.jchat.conformance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The exact shape of every server frame (PROTOCOL.md sections 2 and 5): the listed keys and no
 * others, optional keys absent rather than null. {@link WireClient} checks each frame it receives.
 */
public final class Shapes {
  public static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
  public static final Set<String> ERROR_CODES = Set.of("bad_json", "unknown_event", "invalid_payload",
      "invalid_message", "invalid_room", "not_member", "unauthenticated", "auth_failed", "rate_limited",
      "too_large", "forbidden", "conflict", "unavailable", "internal");

  private Shapes() {
  }

  /** What is wrong with the frame; empty when it has exactly the shape the protocol lists. */
  public static List<String> problems(JsonObject frame) {
    List<String> problems = new ArrayList<>();
    String event = frame.has("event") && isString(frame.get("event")) ? frame.get("event").getAsString() : null;
    if (event == null) {
      problems.add("no event name");
      return problems;
    }
    switch (event) {
      case "pong" -> keys(problems, "pong", frame, Set.of("event"));
      case "ack" -> {
        keys(problems, "ack", frame, Set.of("event", "ack", "data"));
        positiveInteger(problems, "ack.ack", frame.get("ack"));
        object(problems, "ack.data", frame.get("data"));
      }
      case "chat:error" -> {
        keys(problems, "chat:error", frame, frame.has("ack") ? Set.of("event", "ack", "data") : Set.of("event", "data"));
        if (frame.has("ack")) {
          positiveInteger(problems, "chat:error.ack", frame.get("ack"));
        }
        JsonObject data = object(problems, "chat:error.data", frame.get("data"));
        if (data != null) {
          keys(problems, "chat:error.data", data, Set.of("code", "message"));
          if (!isString(data.get("code")) || !ERROR_CODES.contains(data.get("code").getAsString())) {
            problems.add("chat:error.data.code is not a protocol error code: " + data.get("code"));
          }
          if (!isString(data.get("message"))) {
            problems.add("chat:error.data.message is not a string");
          }
        }
      }
      case "session" -> {
        keys(problems, "session", frame, Set.of("event", "data"));
        session(problems, "session.data", frame.get("data"));
      }
      case "chat:new" -> {
        keys(problems, "chat:new", frame, Set.of("event", "data"));
        message(problems, "chat:new.data", frame.get("data"));
      }
      case "chat:history" -> {
        keys(problems, "chat:history", frame, Set.of("event", "data"));
        JsonObject data = object(problems, "chat:history.data", frame.get("data"));
        if (data != null) {
          keys(problems, "chat:history.data", data, data.has("since")
              ? Set.of("room", "messages", "hasMore", "since") : Set.of("room", "messages", "hasMore", "before"));
          JsonElement request = data.has("since") ? data.get("since") : data.get("before");
          if (request != null && !request.isJsonNull() && !isInteger(request)) {
            problems.add("chat:history.data names its request with a value that is neither null nor an id: " + request);
          }
          if (!isBoolean(data.get("hasMore"))) {
            problems.add("chat:history.data.hasMore is not a boolean");
          }
          if (data.get("messages") != null && data.get("messages").isJsonArray()) {
            data.getAsJsonArray("messages").forEach(m -> message(problems, "chat:history message", m));
          } else {
            problems.add("chat:history.data.messages is not an array");
          }
        }
      }
      case "presence:state" -> {
        keys(problems, "presence:state", frame, Set.of("event", "data"));
        JsonObject data = object(problems, "presence:state.data", frame.get("data"));
        if (data != null) {
          keys(problems, "presence:state.data", data, Set.of("room", "users"));
          if (data.get("users") != null && data.get("users").isJsonArray()) {
            data.getAsJsonArray("users").forEach(u -> user(problems, "presence:state user", u));
          } else {
            problems.add("presence:state.data.users is not an array");
          }
        }
      }
      case "presence:join", "presence:leave" -> {
        keys(problems, event, frame, Set.of("event", "data"));
        JsonObject data = object(problems, event + ".data", frame.get("data"));
        if (data != null) {
          keys(problems, event + ".data", data, Set.of("room", "user"));
          user(problems, event + ".data.user", data.get("user"));
        }
      }
      case "typing" -> {
        keys(problems, "typing", frame, Set.of("event", "data"));
        JsonObject data = object(problems, "typing.data", frame.get("data"));
        if (data != null) {
          keys(problems, "typing.data", data, Set.of("room", "user", "typing"));
          user(problems, "typing.data.user", data.get("user"));
          if (!isBoolean(data.get("typing"))) {
            problems.add("typing.data.typing is not a boolean");
          }
        }
      }
      default -> problems.add("an event the server never sends: " + event);
    }
    return problems;
  }

  /** The data of an auth ack and of the session event. */
  public static void session(List<String> problems, String where, JsonElement element) {
    JsonObject data = object(problems, where, element);
    if (data != null) {
      keys(problems, where, data, Set.of("user", "connectionId"));
      user(problems, where + ".user", data.get("user"));
      if (!isString(data.get("connectionId"))) {
        problems.add(where + ".connectionId is not a string");
      }
    }
  }

  /** A Message of section 5. */
  public static void message(List<String> problems, String where, JsonElement element) {
    JsonObject message = object(problems, where, element);
    if (message == null) {
      return;
    }
    keys(problems, where, message, message.has("clientMsgId")
        ? Set.of("id", "seq", "room", "user", "userId", "text", "time", "clientMsgId")
        : Set.of("id", "seq", "room", "user", "userId", "text", "time"));
    positiveInteger(problems, where + ".id", message.get("id"));
    positiveInteger(problems, where + ".seq", message.get("seq"));
    positiveInteger(problems, where + ".userId", message.get("userId"));
    for (String field : List.of("room", "user", "text", "time")) {
      if (!isString(message.get(field))) {
        problems.add(where + "." + field + " is not a string");
      }
    }
    if (isString(message.get("time")) && !TIME.matcher(message.get("time").getAsString()).matches()) {
      problems.add(where + ".time is not UTC ISO-8601 with milliseconds: " + message.get("time"));
    }
    if (message.has("clientMsgId") && !isString(message.get("clientMsgId"))) {
      problems.add(where + ".clientMsgId is not a string");
    }
  }

  public static void user(List<String> problems, String where, JsonElement element) {
    JsonObject user = object(problems, where, element);
    if (user != null) {
      keys(problems, where, user, Set.of("id", "name"));
      positiveInteger(problems, where + ".id", user.get("id"));
      if (!isString(user.get("name"))) {
        problems.add(where + ".name is not a string");
      }
    }
  }

  private static void keys(List<String> problems, String where, JsonObject object, Set<String> expected) {
    if (!object.keySet().equals(expected)) {
      problems.add(where + " has keys " + object.keySet() + ", expected exactly " + expected);
    }
  }

  private static JsonObject object(List<String> problems, String where, JsonElement element) {
    if (element == null || !element.isJsonObject()) {
      problems.add(where + " is not an object: " + element);
      return null;
    }
    return element.getAsJsonObject();
  }

  private static void positiveInteger(List<String> problems, String where, JsonElement element) {
    if (!(element instanceof JsonPrimitive primitive) || !primitive.isNumber()
        || !primitive.getAsString().matches("[1-9]\\d*")) {
      problems.add(where + " is not a positive integer: " + element);
    }
  }

  private static boolean isInteger(JsonElement element) {
    return element instanceof JsonPrimitive primitive && primitive.isNumber() && primitive.getAsString().matches("\\d+");
  }

  private static boolean isString(JsonElement element) {
    return element instanceof JsonPrimitive primitive && primitive.isString();
  }

  private static boolean isBoolean(JsonElement element) {
    return element instanceof JsonPrimitive primitive && primitive.isBoolean();
  }
}
