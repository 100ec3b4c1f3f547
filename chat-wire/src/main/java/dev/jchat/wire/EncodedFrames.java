package dev.jchat.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

/**
 * The UTF-8 bytes of recently sent frames, as a transport writes them, so that a broadcast is encoded
 * once rather than once per recipient: the fan-out hands the same {@code String} to every member, one
 * after the other. Slots are chosen by identity; a frame that finds its slot taken by another is
 * simply encoded again. A transport that writes frames in another form (Socket.IO packets) gives the
 * translation, which then also runs once per broadcast. Thread-safe.
 */
public final class EncodedFrames {
  /** Well above the 256 broadcasts the fan-out puts in one write at most, so that they rarely share a slot. */
  private static final int SLOTS = 4096;

  private record Encoded(String text, ByteBuffer bytes) {
  }

  private final UnaryOperator<String> translation;
  private final AtomicReferenceArray<Encoded> slots = new AtomicReferenceArray<>(SLOTS);

  /** Frames written as they are. */
  public EncodedFrames() {
    this(UnaryOperator.identity());
  }

  /** Frames written as {@code translation} turns them. */
  public EncodedFrames(UnaryOperator<String> translation) {
    this.translation = translation;
  }

  /** The frame's bytes, as a view of its own: a socket write moves the view's position, not the shared one. */
  public ByteBuffer utf8(String text) {
    int slot = System.identityHashCode(text) & (SLOTS - 1);
    Encoded encoded = slots.get(slot);
    if (encoded == null || encoded.text != text) {
      byte[] bytes = translation.apply(text).getBytes(StandardCharsets.UTF_8);
      encoded = new Encoded(text, ByteBuffer.wrap(bytes).asReadOnlyBuffer());
      slots.lazySet(slot, encoded);
    }
    return encoded.bytes.slice();
  }
}
