package dev.jchat.conformance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Small readers and builders for protocol frames in tests. */
public final class Frames {
  private Frames() {
  }

  public static JsonObject parse(String frame) {
    return JsonParser.parseString(frame).getAsJsonObject();
  }

  public static String event(JsonObject frame) {
    return frame.has("event") ? frame.get("event").getAsString() : null;
  }

  public static JsonObject data(JsonObject frame) {
    return frame.getAsJsonObject("data");
  }

  /** The error code of a chat:error frame, or null for any other frame. */
  public static String errorCode(JsonObject frame) {
    return "chat:error".equals(event(frame)) ? data(frame).get("code").getAsString() : null;
  }

  /** Builds a data object from name/value pairs. */
  public static JsonObject data(Object... pairs) {
    JsonObject data = new JsonObject();
    for (int i = 0; i < pairs.length; i += 2) {
      String name = (String) pairs[i];
      Object value = pairs[i + 1];
      if (value instanceof Number number) {
        data.addProperty(name, number);
      } else if (value instanceof Boolean bool) {
        data.addProperty(name, bool);
      } else {
        data.addProperty(name, (String) value);
      }
    }
    return data;
  }
}
