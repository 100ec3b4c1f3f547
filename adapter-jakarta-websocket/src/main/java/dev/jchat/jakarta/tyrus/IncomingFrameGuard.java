package dev.jchat.jakarta.tyrus;

import dev.jchat.core.domain.CloseCode;
import dev.jchat.wire.Endpoints;
import java.util.Arrays;
import org.glassfish.grizzly.Buffer;

/**
 * Follows the frames a client sends on one Tyrus connection and stops at the first one the protocol
 * refuses, so that the chat closes with the protocol's code and lingers, where Tyrus would close at
 * once (a client still writing then loses the Close) or with another code:
 * <ul>
 *   <li>a data frame that takes its message over 16 KiB, refused at its header, whether the message
 *       comes in one frame or in fragments (the JDK's client sends a long text in frames of 16 KiB):
 *       1009 for text, 1003 for binary. Tyrus would buffer a long frame whole, up to 4 MiB, and refuse
 *       a longer one with 1011;
 *   <li>text that is not UTF-8 ({@link Utf8Check}): 1007, which Tyrus would send itself and close.
 * </ul>
 * What comes before the refused frame passes untouched, and Tyrus and {@link ChatEndpoint} apply every
 * other rule. It also notes the client's Close, which ends a {@link LingeringClose}.
 */
final class IncomingFrameGuard {
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
  // The frame being read: where it starts in the stream, whether it is the last of its message, its
  // mask, and whether its payload is text.
  private long scanned;
  private long frameStart;
  private boolean lastFragment;
  private final byte[] mask = new byte[4];
  private long payloadRead;
  private boolean textPayload;
  /** False once the connection is closing: its frames are only followed, to see the client's Close. */
  private boolean checking = true;
  private final Utf8Check utf8 = new Utf8Check();

  /**
   * Scans the readable bytes of {@code input} (without moving its position) and returns how many of
   * them may go on to Tyrus: all of them, or those before the header of the frame refused (the one
   * that takes its message over the limit, or whose text is not UTF-8), and none after it. It goes
   * on following the frames after a refusal, to see the client's Close.
   */
  int scan(Buffer input) {
    int start = input.position();
    int end = input.limit();
    int allowed = refusal == null ? end - start : 0;
    int at = start;
    while (at < end) {
      if (payloadLeft > 0) {
        int piece = (int) Math.min(payloadLeft, end - at);
        if (textPayload && checking && refusal == null && !utf8.next(input, at, piece, mask, payloadRead)) {
          allowed = refuse(CloseCode.INVALID_UTF8, start);
        }
        payloadRead += piece;
        payloadLeft -= piece;
        at += piece;
        if (payloadLeft == 0) {
          allowed = Math.min(allowed, endOfPayload(start));
        }
        continue;
      }
      if (headerBytes == 0) {
        frameStart = scanned + (at - start);
      }
      header[headerBytes++] = input.get(at++);
      if (headerBytes < 2 || headerBytes < headerLength()) {
        continue;
      }
      allowed = Math.min(allowed, headerRead(start));
    }
    scanned += end - start;
    return allowed;
  }

  /** A frame's header is complete: sizes the message, and refuses it when it is over the limit. */
  private int headerRead(int start) {
    long length = payloadLength();
    int opcode = header[0] & 0x0f;
    boolean data = opcode == TEXT || opcode == BINARY || opcode == CONTINUATION;
    if (opcode == TEXT || opcode == BINARY) {
      textMessage = opcode == TEXT;
      messageBytes = 0;
    }
    if (data) {
      messageBytes = length > Long.MAX_VALUE - messageBytes ? Long.MAX_VALUE : messageBytes + length;
    }
    closeSeen |= opcode == CLOSE;
    textPayload = data && textMessage;
    lastFragment = (header[0] & 0x80) != 0;
    if ((header[1] & 0x80) != 0) {
      System.arraycopy(header, headerBytes - 4, mask, 0, 4); // the mask ends the header
    } else {
      Arrays.fill(mask, (byte) 0); // a client must mask; Tyrus refuses it, this only reads on
    }
    headerBytes = 0;
    payloadLeft = length;
    payloadRead = 0;
    int allowed = Integer.MAX_VALUE;
    if (refusal == null && data && messageBytes > Endpoints.MAX_FRAME_BYTES) {
      allowed = refuse(textMessage ? CloseCode.TOO_BIG : CloseCode.BINARY_FRAME, start);
    }
    return length == 0 ? Math.min(allowed, endOfPayload(start)) : allowed;
  }

  /** A frame's payload is complete: a text message that ends with it must end on a whole character. */
  private int endOfPayload(int start) {
    if (textPayload && checking && lastFragment && !utf8.end() && refusal == null) {
      return refuse(CloseCode.INVALID_UTF8, start);
    }
    return Integer.MAX_VALUE;
  }

  /** Refuses the current frame; returns how many bytes of this read, from {@code start}, came before it. */
  private int refuse(CloseCode code, int start) {
    refusal = code;
    return (int) Math.max(0, frameStart - scanned);
  }

  /** The connection is closing: what the client still sends is only followed, no longer checked. */
  void stopChecking() {
    checking = false;
  }

  /** Whether the client has sent its Close frame (seen at its header). */
  boolean closeSeen() {
    return closeSeen;
  }

  /** The close code for the frame refused, or null while none was. */
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
