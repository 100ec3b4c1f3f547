package dev.jchat.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's side of the frame format (PROTOCOL.md sections 2 and 5): writes requests, reads what
 * the server sends. The server's own codec reads the other way round, so the client has this one.
 */
final class Frames {
  private Frames() {
  }

  /** A frame from the server: its event, its data (empty when it has none), its ack number or null. */
  record Inbound(String event, JsonObject data, Integer ack) {
  }

  static String request(String event, JsonObject data, int ack) {
    JsonObject frame = new JsonObject();
    frame.addProperty("event", event);
    frame.add("data", data);
    frame.addProperty("ack", ack);
    return frame.toString();
  }

  /** The frame, or null when it is not a JSON object with an event name. */
  static Inbound read(String text) {
    try {
      JsonElement element = JsonParser.parseString(text);
      if (!element.isJsonObject() || !element.getAsJsonObject().has("event")) {
        return null;
      }
      JsonObject frame = element.getAsJsonObject();
      JsonElement data = frame.get("data");
      JsonElement ack = frame.get("ack");
      return new Inbound(frame.get("event").getAsString(),
          data != null && data.isJsonObject() ? data.getAsJsonObject() : new JsonObject(),
          ack != null && !ack.isJsonNull() ? ack.getAsInt() : null);
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
      return null;
    }
  }

  static JsonObject data(String name, String value) {
    JsonObject data = new JsonObject();
    data.addProperty(name, value);
    return data;
  }

  static User user(JsonObject user) {
    return new User(user.get("id").getAsLong(), user.get("name").getAsString());
  }

  static List<User> users(JsonArray users) {
    List<User> list = new ArrayList<>();
    users.forEach(user -> list.add(user(user.getAsJsonObject())));
    return List.copyOf(list);
  }

  static Session session(JsonObject session) {
    return new Session(user(session.getAsJsonObject("user")), session.get("connectionId").getAsString());
  }

  static Message message(JsonObject message) {
    JsonElement seq = message.get("seq");
    JsonElement clientMsgId = message.get("clientMsgId");
    return new Message(message.get("id").getAsLong(), seq == null ? 0 : seq.getAsLong(),
        message.get("room").getAsString(), message.get("user").getAsString(), message.get("userId").getAsLong(),
        message.get("text").getAsString(), Instant.parse(message.get("time").getAsString()),
        clientMsgId == null ? null : clientMsgId.getAsString());
  }

  static List<Message> messages(JsonArray messages) {
    List<Message> list = new ArrayList<>();
    messages.forEach(message -> list.add(message(message.getAsJsonObject())));
    return list;
  }

  static HistoryPage page(JsonObject page) {
    return new HistoryPage(List.copyOf(messages(page.getAsJsonArray("messages"))), page.get("hasMore").getAsBoolean());
  }

  static Presence presence(String event, JsonObject data) {
    String room = data.get("room").getAsString();
    return switch (event) {
      case "presence:state" -> new Presence.Online(room, users(data.getAsJsonArray("users")));
      case "presence:join" -> new Presence.Joined(room, user(data.getAsJsonObject("user")));
      default -> new Presence.Left(room, user(data.getAsJsonObject("user")));
    };
  }

  static Typing typing(JsonObject data) {
    return new Typing(data.get("room").getAsString(), user(data.getAsJsonObject("user")),
        data.get("typing").getAsBoolean());
  }

  static ChatException error(JsonObject error) {
    return new ChatException(ErrorCode.fromWire(error.get("code").getAsString()), error.get("message").getAsString());
  }
}
