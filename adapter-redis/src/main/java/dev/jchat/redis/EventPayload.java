package dev.jchat.redis;

import dev.jchat.core.port.RoomEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * A room event as one Pub/Sub message: a header line of {@code name=value} fields, then the frame
 * exactly as the publisher encoded it (never encoded again). Fields: {@code o} the publishing
 * instance, {@code m} the message id, {@code s} its seq, {@code x} the excluded user. A reader ignores
 * fields it does not know and takes 0 for a number that is missing, so a new field is one more pair
 * and instances of two versions can run side by side. The room is the channel's.
 */
final class EventPayload {
  /** A decoded message: who published it, and the event. */
  record Received(String origin, RoomEvent event) {
  }

  private EventPayload() {
  }

  static String encode(String origin, RoomEvent event) {
    return "o=" + origin + " m=" + event.messageId() + " s=" + event.seq() + " x=" + event.excludedUserId() + "\n"
        + event.frame();
  }

  static Received decode(String room, String payload) {
    int newline = payload.indexOf('\n');
    if (newline < 0) {
      throw new IllegalArgumentException("no header line in a room event");
    }
    Map<String, String> fields = new HashMap<>();
    for (String pair : payload.substring(0, newline).split(" ")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return new Received(fields.getOrDefault("o", ""), new RoomEvent(room, number(fields, "m"), number(fields, "s"),
        number(fields, "x"), payload.substring(newline + 1)));
  }

  private static long number(Map<String, String> fields, String name) {
    String value = fields.get(name);
    return value == null ? 0 : Long.parseLong(value);
  }
}
