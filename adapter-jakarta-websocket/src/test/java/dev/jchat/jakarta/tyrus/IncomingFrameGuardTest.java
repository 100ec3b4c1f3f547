package dev.jchat.jakarta.tyrus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.CloseCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.junit.jupiter.api.Test;

class IncomingFrameGuardTest {
  private final IncomingFrameGuard guard = new IncomingFrameGuard();

  /** A masked client frame header (payload not included) with the given opcode and payload length. */
  private static byte[] header(int opcode, boolean fin, long length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | opcode);
    if (length < 126) {
      out.write(0x80 | (int) length);
    } else if (length <= 0xffff) {
      out.write(0x80 | 126);
      out.write((int) (length >>> 8));
      out.write((int) length & 0xff);
    } else {
      out.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (length >>> shift) & 0xff);
      }
    }
    out.writeBytes(new byte[] {1, 2, 3, 4});
    return out.toByteArray();
  }

  private static byte[] frame(int opcode, boolean fin, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header(opcode, fin, length));
    out.writeBytes(new byte[length]);
    return out.toByteArray();
  }

  private static Buffer buffer(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, out.toByteArray());
  }

  @Test
  void frames_within_16_kib_pass_whole_and_untouched() {
    Buffer input = buffer(frame(0x1, true, 10), frame(0x1, true, 300), frame(0x1, true, 16384), frame(0x9, true, 0));
    int before = input.position();
    assertThat(guard.scan(input)).isEqualTo(input.remaining());
    assertThat(input.position()).isEqualTo(before);
    assertThat(guard.refusal()).isNull();
  }

  @Test
  void a_text_frame_over_16_kib_is_stopped_at_its_header_with_1009_and_what_came_before_passes() {
    byte[] small = frame(0x1, true, 20);
    Buffer input = buffer(small, header(0x1, true, 5_000_000), new byte[100]);
    assertThat(guard.scan(input)).isEqualTo(small.length);
    assertThat(guard.refusal()).isEqualTo(CloseCode.TOO_BIG);
    assertThat(guard.scan(buffer(new byte[50]))).as("nothing passes after a refusal").isZero();
  }

  @Test
  void a_binary_frame_over_16_kib_is_stopped_with_1003_and_so_is_its_continuation() {
    assertThat(guard.scan(buffer(header(0x2, true, 70_000)))).isZero();
    assertThat(guard.refusal()).isEqualTo(CloseCode.BINARY_FRAME);

    IncomingFrameGuard fragmented = new IncomingFrameGuard();
    Buffer input = buffer(frame(0x2, false, 10), header(0x0, true, 1 << 20));
    assertThat(fragmented.scan(input)).isEqualTo(frame(0x2, false, 10).length);
    assertThat(fragmented.refusal()).isEqualTo(CloseCode.BINARY_FRAME);
  }

  @Test
  void a_text_message_over_16_kib_in_fragments_within_the_limit_is_stopped_at_the_fragment_that_crosses_it() {
    byte[] first = frame(0x1, false, 16_384);
    byte[] second = frame(0x0, false, 10);
    Buffer input = buffer(first, second, frame(0x0, true, 16_384));
    assertThat(guard.scan(input)).isEqualTo(first.length);
    assertThat(guard.refusal()).isEqualTo(CloseCode.TOO_BIG);
  }

  @Test
  void every_message_has_the_whole_limit_and_the_clients_close_is_seen() {
    Buffer input = buffer(frame(0x1, false, 10_000), frame(0x0, true, 6_000), frame(0x1, true, 16_384),
        frame(0x8, true, 2));
    assertThat(guard.scan(input)).isEqualTo(input.remaining());
    assertThat(guard.refusal()).isNull();
    assertThat(guard.closeSeen()).isTrue();
  }

  /** A masked client frame carrying {@code payload}, masked with the header's key 1, 2, 3, 4. */
  private static byte[] masked(int opcode, boolean fin, byte[] payload) {
    byte[] header = header(opcode, fin, payload.length);
    byte[] frame = Arrays.copyOf(header, header.length + payload.length);
    for (int i = 0; i < payload.length; i++) {
      frame[header.length + i] = (byte) (payload[i] ^ (i % 4 + 1));
    }
    return frame;
  }

  @Test
  void utf8_text_passes_also_with_a_character_cut_between_fragments_and_between_reads() {
    byte[] text = "héllo wörld €𝄞".getBytes(StandardCharsets.UTF_8);
    byte[] first = masked(0x1, false, Arrays.copyOfRange(text, 0, 2)); // cuts é after its first byte
    byte[] second = masked(0x0, true, Arrays.copyOfRange(text, 2, text.length));
    byte[] stream = buffer(first, masked(0x9, true, new byte[0]), second).toByteBuffer().array();
    for (int cut = 1; cut < stream.length; cut++) {
      IncomingFrameGuard fresh = new IncomingFrameGuard();
      assertThat(fresh.scan(slice(stream, 0, cut)) + fresh.scan(slice(stream, cut, stream.length)))
          .as("cut at %d", cut).isEqualTo(stream.length);
      assertThat(fresh.refusal()).isNull();
    }
  }

  @Test
  void text_that_is_not_utf8_is_stopped_at_its_frame_with_1007_and_what_came_before_passes() {
    byte[] valid = masked(0x1, true, "fine".getBytes(StandardCharsets.UTF_8));
    Buffer input = buffer(valid, masked(0x1, true, new byte[] {'{', (byte) 0xc3, (byte) 0x28, '}'}));
    assertThat(guard.scan(input)).isEqualTo(valid.length);
    assertThat(guard.refusal()).isEqualTo(CloseCode.INVALID_UTF8);
  }

  @Test
  void a_text_message_that_ends_inside_a_character_or_encodes_a_surrogate_is_refused() {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    assertThat(guard.scan(buffer(masked(0x1, true, Arrays.copyOf(euro, 2))))).isZero();
    assertThat(guard.refusal()).isEqualTo(CloseCode.INVALID_UTF8);

    IncomingFrameGuard surrogate = new IncomingFrameGuard();
    assertThat(surrogate.scan(buffer(masked(0x1, true, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})))).isZero();
    assertThat(surrogate.refusal()).isEqualTo(CloseCode.INVALID_UTF8);
  }

  @Test
  void binary_payloads_are_not_read_as_text() {
    byte[] notText = {(byte) 0xff, (byte) 0xfe};
    assertThat(guard.scan(buffer(masked(0x2, true, notText)))).isEqualTo(masked(0x2, true, notText).length);
    assertThat(guard.refusal()).isNull();
  }

  @Test
  void headers_and_payloads_split_across_reads_are_followed() {
    byte[] first = frame(0x1, true, 16_000);
    byte[] oversized = header(0x1, true, 16_385);
    byte[] stream = new byte[first.length + oversized.length];
    System.arraycopy(first, 0, stream, 0, first.length);
    System.arraycopy(oversized, 0, stream, first.length, oversized.length);
    int cut1 = 1;
    int cut2 = first.length + 3; // inside the second header
    assertThat(guard.scan(slice(stream, 0, cut1))).isEqualTo(cut1);
    assertThat(guard.scan(slice(stream, cut1, cut2))).isEqualTo(cut2 - cut1);
    assertThat(guard.refusal()).isNull();
    assertThat(guard.scan(slice(stream, cut2, stream.length))).isZero();
    assertThat(guard.refusal()).isEqualTo(CloseCode.TOO_BIG);
  }

  private static Buffer slice(byte[] bytes, int from, int to) {
    byte[] part = new byte[to - from];
    System.arraycopy(bytes, from, part, 0, part.length);
    return buffer(part);
  }
}
