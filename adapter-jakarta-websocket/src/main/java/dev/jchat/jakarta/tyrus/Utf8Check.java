package dev.jchat.jakarta.tyrus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;

/**
 * Whether the payload of one text message, given a piece at a time as it arrives (masked, as a
 * client sends it), is UTF-8: the JDK's decoder, strict by default (no overlong forms, no
 * surrogates), run over the pieces with the bytes of a character cut between two pieces carried
 * over. The characters are decoded into a scratch buffer and dropped. For one connection at a time.
 */
final class Utf8Check {
  private static final int PIECE = 4096;
  private static final ThreadLocal<ByteBuffer> BYTES = ThreadLocal.withInitial(() -> ByteBuffer.allocate(PIECE + 3));
  private static final ThreadLocal<CharBuffer> CHARS = ThreadLocal.withInitial(() -> CharBuffer.allocate(PIECE));

  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
  /** The start of a character whose other bytes are still to come. */
  private final byte[] carried = new byte[3];
  private int carriedBytes;

  /**
   * Takes {@code length} payload bytes of {@code input} from index {@code from}, unmasked with
   * {@code mask} starting at the payload's byte {@code offset}; false once the message cannot be UTF-8.
   */
  boolean next(Buffer input, int from, int length, byte[] mask, long offset) {
    ByteBuffer bytes = BYTES.get();
    for (int done = 0; done < length; ) {
      bytes.clear();
      bytes.put(carried, 0, carriedBytes);
      int piece = Math.min(length - done, bytes.remaining());
      for (int i = 0; i < piece; i++, done++) {
        bytes.put((byte) (input.get(from + done) ^ mask[(int) ((offset + done) & 3)]));
      }
      bytes.flip();
      if (!decode(bytes, false)) {
        return false;
      }
      carriedBytes = bytes.remaining();
      bytes.get(carried, 0, carriedBytes);
    }
    return true;
  }

  /** The message has ended: false if it ends inside a character. Ready for the next message. */
  boolean end() {
    boolean whole = decode(ByteBuffer.wrap(carried, 0, carriedBytes), true);
    decoder.reset();
    carriedBytes = 0;
    return whole;
  }

  private boolean decode(ByteBuffer bytes, boolean last) {
    CharBuffer chars = CHARS.get();
    while (true) {
      chars.clear();
      CoderResult result = decoder.decode(bytes, chars, last);
      if (result.isError()) {
        return false;
      }
      if (result.isUnderflow()) {
        return true;
      }
    }
  }
}
