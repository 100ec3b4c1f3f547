package dev.jchat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EncodedFramesTest {
  private final EncodedFrames encoded = new EncodedFrames();

  @Test
  void eachSendGetsTheWholeFrameWhateverAnEarlierWriteConsumed() {
    String frame = "{\"event\":\"chat:new\",\"data\":{\"text\":\"grüße 👋\"}}";
    ByteBuffer first = encoded.utf8(frame);
    first.get(new byte[first.remaining()]); // a socket write consumes its view

    ByteBuffer second = encoded.utf8(frame);

    assertThat(StandardCharsets.UTF_8.decode(second).toString()).isEqualTo(frame);
  }

  @Test
  void framesThatShareASlotEachKeepTheirOwnBytes() {
    List<String> frames = IntStream.range(0, 200).mapToObj(n -> "{\"n\":" + n + "}").toList(); // more than slots

    for (int round = 0; round < 2; round++) {
      for (String frame : frames) {
        assertThat(StandardCharsets.UTF_8.decode(encoded.utf8(frame)).toString()).isEqualTo(frame);
      }
    }
  }

  @Test
  void aTranslatedFrameIsTranslatedOncePerBroadcast() {
    AtomicInteger translations = new AtomicInteger();
    EncodedFrames packets = new EncodedFrames(frame -> {
      translations.incrementAndGet();
      return "4" + frame;
    });
    String frame = "{\"n\":1}";

    for (int recipient = 0; recipient < 3; recipient++) {
      assertThat(StandardCharsets.UTF_8.decode(packets.utf8(frame)).toString()).isEqualTo("4{\"n\":1}");
    }

    assertThat(translations).hasValue(1);
  }
}
