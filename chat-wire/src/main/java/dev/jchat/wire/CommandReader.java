package dev.jchat.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jchat.core.protocol.Command;

/** Maps an event name and its {@code data} to a {@link Command}, checking JSON types only. */
final class CommandReader {

  /** A field has the wrong JSON type or is missing; the message names it. */
  static final class InvalidField extends Exception {
    InvalidField(String message) {
      super(message, null, false, false);
    }
  }

  private CommandReader() {
  }

  /** The command, or null for an unknown event name. */
  static Command read(String event, JsonObject data) throws InvalidField {
    switch (event) {
      case "auth":
        // Any token that is not a string is as bad as a forged one: the core answers auth_failed.
        return new Command.Auth(Json.string(data.get("token")));
      case "room:join":
        return new Command.Join(requiredString(data, "room"), optionalInteger(data, "since"));
      case "room:leave":
        return new Command.Leave(requiredString(data, "room"));
      case "chat:send":
        return new Command.Send(requiredString(data, "room"), requiredString(data, "text"),
            optionalString(data, "clientMsgId"));
      case "chat:history":
        return new Command.History(requiredString(data, "room"), optionalInteger(data, "before"),
            optionalInteger(data, "limit"));
      case "typing:start":
        return new Command.Typing(requiredString(data, "room"), true);
      case "typing:stop":
        return new Command.Typing(requiredString(data, "room"), false);
      case "ping":
        return new Command.Ping();
      default:
        return null;
    }
  }

  private static String requiredString(JsonObject data, String field) throws InvalidField {
    String value = Json.string(data.get(field));
    if (value == null) {
      throw new InvalidField(field + " must be a string");
    }
    return value;
  }

  private static String optionalString(JsonObject data, String field) throws InvalidField {
    JsonElement element = data.get(field);
    return element == null || element.isJsonNull() ? null : requiredString(data, field);
  }

  private static Long optionalInteger(JsonObject data, String field) throws InvalidField {
    JsonElement element = data.get(field);
    if (element == null || element.isJsonNull()) {
      return null;
    }
    Long value = Json.integer(element);
    if (value == null) {
      throw new InvalidField(field + " must be an integer");
    }
    return value;
  }
}
