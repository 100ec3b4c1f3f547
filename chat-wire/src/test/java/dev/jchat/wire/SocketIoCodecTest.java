package dev.jchat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Rejection;
import dev.jchat.core.domain.User;
import dev.jchat.core.protocol.ServerEvent;
import dev.jchat.wire.SocketIoCodec.Binary;
import dev.jchat.wire.SocketIoCodec.Connect;
import dev.jchat.wire.SocketIoCodec.Disconnect;
import dev.jchat.wire.SocketIoCodec.Ignored;
import dev.jchat.wire.SocketIoCodec.Invalid;
import dev.jchat.wire.SocketIoCodec.Request;
import dev.jchat.wire.SocketIoCodec.UnknownNamespace;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The packet examples and invalid-format cases of the Socket.IO protocol's README and test suite. */
class SocketIoCodecTest {
  private final SocketIoCodec codec = new SocketIoCodec();
  private final JsonFrameCodec frames = new JsonFrameCodec();

  @Nested
  class FromTheClient {

    @Test
    void aConnectToTheMainNamespaceIsAnAuthRequestWithItsPayload() {
      assertThat(codec.decode("0{\"token\":\"abc\"}"))
          .isEqualTo(new Connect("{\"event\":\"auth\",\"data\":{\"token\":\"abc\"},\"ack\":1}"));
    }

    @Test
    void aConnectWithoutPayloadIsAnAuthRequestWithoutToken() {
      assertThat(codec.decode("0")).isEqualTo(new Connect("{\"event\":\"auth\",\"data\":{},\"ack\":1}"));
    }

    @Test
    void aConnectToAnotherNamespaceIsRefusedAsTheReferenceServerDoes() {
      assertThat(codec.decode("0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}"))
          .isEqualTo(new UnknownNamespace("4/admin,{\"message\":\"Invalid namespace\"}"));
      assertThat(codec.decode("0/random")).isEqualTo(new UnknownNamespace("4/random,{\"message\":\"Invalid namespace\"}"));
    }

    @Test
    void anEventIsTheNativeRequestWithItsFirstArgumentAsData() {
      assertThat(codec.decode("2[\"room:join\",{\"room\":\"general\"}]"))
          .isEqualTo(new Request("{\"event\":\"room:join\",\"data\":{\"room\":\"general\"}}"));
      assertThat(codec.decode("2[\"foo\"]")).isEqualTo(new Request("{\"event\":\"foo\"}"));
    }

    @Test
    void anEventWithAnAckIdAsksForTheNativeAckOneHigher() {
      assertThat(codec.decode("212[\"foo\"]")).isEqualTo(new Request("{\"event\":\"foo\",\"ack\":13}"));
      assertThat(codec.decode("20[\"chat:send\",{\"room\":\"r\",\"text\":\"hi\"}]"))
          .isEqualTo(new Request("{\"event\":\"chat:send\",\"data\":{\"room\":\"r\",\"text\":\"hi\"},\"ack\":1}"));
    }

    @Test
    void dataThatIsNotAnObjectGoesToTheCoreWhichRefusesIt() {
      assertThat(codec.decode("2[\"message\",1,\"2\",{\"3\":[true]}]"))
          .isEqualTo(new Request("{\"event\":\"message\",\"data\":1}"));
    }

    @Test
    void otherNamespacesAndAcknowledgementsAreIgnored() {
      assertThat(codec.decode("2/admin,[\"bar\"]")).isEqualTo(new Ignored());
      assertThat(codec.decode("1/admin,")).isEqualTo(new Ignored());
      assertThat(codec.decode("312[\"bar\"]")).isEqualTo(new Ignored());
    }

    @Test
    void aDisconnectFromTheMainNamespaceEndsTheConnection() {
      assertThat(codec.decode("1")).isEqualTo(new Disconnect());
    }

    @Test
    void binaryEventsAndAcksAreRecognisedToBeRefused() {
      assertThat(codec.decode("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]")).isEqualTo(new Binary());
      assertThat(codec.decode("61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]")).isEqualTo(new Binary());
    }

    @Test
    void malformedPacketsAreInvalid() {
      assertThat(codec.decode("")).isInstanceOf(Invalid.class);
      assertThat(codec.decode("abc")).isInstanceOf(Invalid.class); // unknown packet type
      assertThat(codec.decode("2{}")).isInstanceOf(Invalid.class); // invalid payload format
      assertThat(codec.decode("2abc[\"message-with-ack\",1]")).isInstanceOf(Invalid.class); // invalid ack id
      assertThat(codec.decode("2[]")).isInstanceOf(Invalid.class);
      assertThat(codec.decode("2[1]")).isInstanceOf(Invalid.class);
      assertThat(codec.decode("212345678901[\"foo\"]")).isInstanceOf(Invalid.class);
      assertThat(codec.decode("0\"token\"")).isInstanceOf(Invalid.class);
      assertThat(codec.decode("4{\"message\":\"x\"}")).isInstanceOf(Invalid.class);
    }
  }

  @Nested
  class ToTheClient {
    private final User alice = new User(7, "alice");

    @Test
    void anEventIsEmittedWithItsDataAsTheOneArgument() {
      String frame = frames.encode(new ServerEvent.Typing("general", alice, true));

      assertThat(codec.packet(frame))
          .isEqualTo("2[\"typing\",{\"room\":\"general\",\"user\":{\"id\":7,\"name\":\"alice\"},\"typing\":true}]");
    }

    @Test
    void anEventWithoutDataIsEmittedWithoutArgument() {
      assertThat(codec.packet(frames.encode(new ServerEvent.Pong()))).isEqualTo("2[\"pong\"]");
    }

    @Test
    void anAckAnswersTheEventWhoseIdIsOneLower() {
      Instant time = Instant.parse("2026-01-02T03:04:05.678Z");
      String frame = frames.encode(new ServerEvent.Ack(13, new ServerEvent.SentResult(5, 2, time)));

      assertThat(codec.packet(frame)).isEqualTo("312[{\"id\":5,\"seq\":2,\"time\":\"2026-01-02T03:04:05.678Z\"}]");
    }

    @Test
    void aRefusalOfAnEventWithAnIdIsItsAckWithTheErrorInside() {
      String frame = frames.encode(new ServerEvent.Error(new Rejection(ErrorCode.NOT_MEMBER, "join first"), 1));

      assertThat(codec.packet(frame)).isEqualTo("30[{\"error\":{\"code\":\"not_member\",\"message\":\"join first\"}}]");
    }

    @Test
    void aRefusalOfAnEventWithoutIdIsAChatErrorEvent() {
      String frame = frames.encode(new ServerEvent.Error(new Rejection(ErrorCode.RATE_LIMITED, "slow down"), null));

      assertThat(codec.packet(frame)).isEqualTo("2[\"chat:error\",{\"code\":\"rate_limited\",\"message\":\"slow down\"}]");
    }

    @Test
    void anAcceptedAuthAnswersTheConnectWithTheConnectionIdAsSid() {
      String answer = frames.encode(new ServerEvent.Ack(SocketIoCodec.AUTH_ACK, new ServerEvent.Session(alice, "c-1")));

      assertThat(codec.connectAnswer(answer)).isEqualTo("0{\"sid\":\"c-1\"}");
    }

    @Test
    void aRefusedAuthIsAConnectErrorWithTheCodeAsMessage() {
      String answer = frames.encode(new ServerEvent.Error(new Rejection(ErrorCode.AUTH_FAILED, "bad token"), SocketIoCodec.AUTH_ACK));

      assertThat(codec.connectAnswer(answer)).isEqualTo("4{\"message\":\"auth_failed\"}");
    }
  }
}
