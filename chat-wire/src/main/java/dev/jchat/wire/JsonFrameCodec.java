package dev.jchat.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Rejection;
import dev.jchat.core.port.FrameCodec;
import dev.jchat.core.protocol.Command;
import dev.jchat.core.protocol.Inbound;
import dev.jchat.core.protocol.ServerEvent;

/** Frames as PROTOCOL.md section 2 defines them: {@code {"event","data","ack"}}, one JSON object each. */
public final class JsonFrameCodec implements FrameCodec {
  private final EventWriter writer = new EventWriter();

  @Override
  public Inbound decode(String frame) {
    JsonObject object = parseObject(frame);
    if (object == null) {
      return malformed(ErrorCode.BAD_JSON, "a frame must be exactly one JSON object", null);
    }
    JsonElement ackField = object.get("ack");
    Integer ack = null;
    if (ackField != null) {
      Long value = Json.integer(ackField);
      if (value == null || value < 1 || value > Integer.MAX_VALUE) {
        return malformed(ErrorCode.INVALID_PAYLOAD, "ack must be an integer from 1 to 2147483647", null);
      }
      ack = value.intValue();
    }
    String event = Json.string(object.get("event"));
    if (event == null) {
      return malformed(ErrorCode.UNKNOWN_EVENT, "every frame needs an event name", ack);
    }
    JsonElement dataField = object.get("data");
    if (dataField != null && !dataField.isJsonObject() && !dataField.isJsonNull()) {
      return malformed(ErrorCode.INVALID_PAYLOAD, "data must be an object", ack);
    }
    JsonObject data = dataField != null && dataField.isJsonObject() ? dataField.getAsJsonObject() : new JsonObject();
    try {
      Command command = CommandReader.read(event, data);
      if (command == null) {
        return malformed(ErrorCode.UNKNOWN_EVENT, "unknown event " + Json.clip(event), ack);
      }
      return new Inbound.Request(command, ack);
    } catch (CommandReader.InvalidField e) {
      return malformed(ErrorCode.INVALID_PAYLOAD, e.getMessage(), ack);
    }
  }

  @Override
  public String encode(ServerEvent event) {
    return writer.write(event);
  }

  /** The frame as one JSON object, or null when it is anything else (trailing data included). */
  private static JsonObject parseObject(String frame) {
    JsonElement element = Json.parse(frame);
    return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
  }

  private static Inbound malformed(ErrorCode code, String message, Integer ack) {
    return new Inbound.Malformed(new Rejection(code, message), ack);
  }
}
