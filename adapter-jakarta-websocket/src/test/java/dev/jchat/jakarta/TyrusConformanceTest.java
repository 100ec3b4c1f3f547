package dev.jchat.jakarta;

import dev.jchat.conformance.FramingConformance;
import dev.jchat.conformance.HttpApiConformance;
import dev.jchat.conformance.LimitsConformance;
import dev.jchat.conformance.LivenessConformance;
import dev.jchat.conformance.MessagingConformance;
import dev.jchat.conformance.OriginConformance;
import dev.jchat.conformance.PresenceConformance;
import dev.jchat.conformance.RoomsConformance;
import dev.jchat.conformance.SessionConformance;
import dev.jchat.conformance.SlowConsumerConformance;
import dev.jchat.conformance.StoreOutageConformance;
import dev.jchat.conformance.TypingConformance;
import dev.jchat.conformance.Transport;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;
import org.junit.jupiter.api.Nested;

/** The conformance suite, unchanged, over the Jakarta endpoint standalone on Tyrus (Grizzly). */
class TyrusConformanceTest implements Transport {

  @Override
  public ChatServer start(Endpoints endpoints) {
    return JakartaTransport.start(endpoints, "127.0.0.1", 0);
  }

  @Override
  public String name() {
    return "jakarta";
  }

  @Nested
  class Framing extends FramingConformance {
  }

  @Nested
  class Session extends SessionConformance {
  }

  @Nested
  class Liveness extends LivenessConformance {
  }

  @Nested
  class Rooms extends RoomsConformance {
  }

  @Nested
  class Messaging extends MessagingConformance {
  }

  @Nested
  class Presence extends PresenceConformance {
  }

  @Nested
  class Typing extends TypingConformance {
  }

  @Nested
  class Limits extends LimitsConformance {
  }

  @Nested
  class SlowConsumer extends SlowConsumerConformance {
  }

  @Nested
  class HttpApi extends HttpApiConformance {
  }

  @Nested
  class Origin extends OriginConformance {
  }

  @Nested
  class StoreOutage extends StoreOutageConformance {
  }
}
