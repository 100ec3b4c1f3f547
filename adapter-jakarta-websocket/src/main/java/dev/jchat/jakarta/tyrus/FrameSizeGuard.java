package dev.jchat.jakarta.tyrus;

import dev.jchat.core.domain.CloseCode;
import dev.jchat.wire.Endpoints;
import org.glassfish.grizzly.Buffer;

/**
 * Reads the header of every frame a client sends on one Tyrus connection and stops at the first
 * data frame that takes its message over the protocol's 16 KiB, whether the message comes in one
 * frame or in fragments (the JDK's client sends a long text in frames of 16 KiB). Tyrus would buffer
 * such a frame whole before its own checks, up to 4 MiB, and refuse a longer one with 1011, and it
 * refuses a fragmented message over its buffer by closing at once, without lingering; this guard
 * refuses at the header with the protocol's code instead: 1009 for text, 1003 for binary, and the
 * chat closes. Messages within the limit pass untouched, and Tyrus and {@link ChatEndpoint} apply
 * every other rule. It also notes the client's Close, which ends a {@link LingeringClose}.
 */
final class FrameSizeGuard {
  private static final int TEXT = 0x1;
  private static final int BINARY = 0x2;
  private static final int CONTINUATION = 0x0;
  private static final int CLOSE = 0x8;

  private final byte[] header = new byte[14];
  private int headerBytes;
  private long payloadLeft;
  private boolean textMessage = true;
  /** The payload bytes of the data message in progress, its fragments so far included. */
  private long messageBytes;
  private CloseCode refusal;
  private boolean closeSeen;

  /**
   * Scans the readable bytes of {@code input} (without moving its position) and returns how many of
   * them may go on to Tyrus: all of them, or those before the header of the frame that takes its
   * message over the limit, and none after it. It goes on following the frames after a refusal, to see the client's Close.
   */
  int scan(Buffer input) {
    int start = input.position();
    int end = input.limit();
    int allowed = refusal == null ? end - start : 0;
    int at = start;
    while (at < end) {
      if (payloadLeft > 0) {
        int skipped = (int) Math.min(payloadLeft, end - at);
        payloadLeft -= skipped;
        at += skipped;
        continue;
      }
      int headerStart = at - headerBytes; // may lie in an earlier chunk, already passed on
      header[headerBytes++] = input.get(at++);
      if (headerBytes < 2 || headerBytes < headerLength()) {
        continue;
      }
      long length = payloadLength();
      int opcode = header[0] & 0x0f;
      headerBytes = 0;
      payloadLeft = length;
      closeSeen |= opcode == CLOSE;
      if (opcode == TEXT || opcode == BINARY) {
        textMessage = opcode == TEXT;
        messageBytes = 0;
      }
      boolean data = opcode == TEXT || opcode == BINARY || opcode == CONTINUATION;
      if (data) {
        messageBytes = length > Long.MAX_VALUE - messageBytes ? Long.MAX_VALUE : messageBytes + length;
      }
      if (refusal == null && data && messageBytes > Endpoints.MAX_FRAME_BYTES) {
        refusal = textMessage ? CloseCode.TOO_BIG : CloseCode.BINARY_FRAME;
        allowed = Math.max(0, headerStart - start);
      }
    }
    return allowed;
  }

  /** Whether the client has sent its Close frame (seen at its header). */
  boolean closeSeen() {
    return closeSeen;
  }

  /** The close code for the oversized message found, or null while none was. */
  CloseCode refusal() {
    return refusal;
  }

  private int headerLength() {
    int lengthCode = header[1] & 0x7f;
    int extended = lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0;
    int mask = (header[1] & 0x80) != 0 ? 4 : 0;
    return 2 + extended + mask;
  }

  private long payloadLength() {
    int lengthCode = header[1] & 0x7f;
    if (lengthCode < 126) {
      return lengthCode;
    }
    int bytes = lengthCode == 126 ? 2 : 8;
    long length = 0;
    for (int i = 0; i < bytes; i++) {
      length = (length << 8) | (header[2 + i] & 0xff);
    }
    return length < 0 ? Long.MAX_VALUE : length;
  }
}
