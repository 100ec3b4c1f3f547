package dev.jchat.javalin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The UTF-8 bytes of recently sent frames, so that a broadcast is encoded once rather than once per
 * recipient: the fan-out hands the same {@code String} to every member, one after the other. Slots are
 * chosen by identity; a frame that finds its slot taken by another is simply encoded again.
 */
final class EncodedFrames {
  private static final int SLOTS = 64;

  private record Encoded(String text, ByteBuffer utf8) {
  }

  private final AtomicReferenceArray<Encoded> slots = new AtomicReferenceArray<>(SLOTS);

  /** The frame's bytes, as a view of its own: a socket write moves the view's position, not the shared one. */
  ByteBuffer utf8(String text) {
    int slot = System.identityHashCode(text) & (SLOTS - 1);
    Encoded encoded = slots.get(slot);
    if (encoded == null || encoded.text != text) {
      encoded = new Encoded(text, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
      slots.lazySet(slot, encoded);
    }
    return encoded.utf8.slice();
  }
}
