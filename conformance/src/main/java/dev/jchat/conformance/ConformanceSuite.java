package dev.jchat.conformance;

import org.junit.jupiter.api.Nested;

/**
 * The whole conformance suite for one transport: a transport's test class extends this and says how
 * to start the transport; every conformance class runs as a nested class of it, unchanged.
 */
public abstract class ConformanceSuite implements Transport {

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
