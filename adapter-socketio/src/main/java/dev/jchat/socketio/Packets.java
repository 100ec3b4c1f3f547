package dev.jchat.socketio;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Engine.IO protocol 4 packets: their type characters, and the long-polling payload that joins them. */
final class Packets {
  static final char OPEN = '0';
  static final char CLOSE = '1';
  static final char PING = '2';
  static final char PONG = '3';
  static final char MESSAGE = '4';
  static final char UPGRADE = '5';
  static final char NOOP = '6';
  /** A binary packet in a long-polling payload, base64 after the {@code b}. */
  static final char BINARY = 'b';

  static final String PROBE = "probe";
  /** Separates the packets of one long-polling payload (the record separator, which JSON never holds raw). */
  static final char SEPARATOR = '\u001e';

  private Packets() {
  }

  static ByteBuffer utf8(String packet) {
    return ByteBuffer.wrap(packet.getBytes(StandardCharsets.UTF_8));
  }

  static ByteBuffer of(char type) {
    return utf8(String.valueOf(type));
  }

  /** The packets of a long-polling request body. */
  static List<String> split(String payload) {
    return List.of(payload.split(String.valueOf(SEPARATOR), -1));
  }

  /** One long-polling response body: the packets, separated. */
  static ByteBuffer join(List<ByteBuffer> packets) {
    int size = packets.size() - 1;
    for (ByteBuffer packet : packets) {
      size += packet.remaining();
    }
    ByteBuffer payload = ByteBuffer.allocate(size);
    for (int i = 0; i < packets.size(); i++) {
      if (i > 0) {
        payload.put((byte) SEPARATOR);
      }
      payload.put(packets.get(i));
    }
    return payload.flip();
  }
}
