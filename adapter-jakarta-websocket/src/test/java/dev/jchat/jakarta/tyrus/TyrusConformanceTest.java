package dev.jchat.jakarta.tyrus;

import dev.jchat.conformance.ClosingConformance;
import dev.jchat.conformance.ConformanceSuite;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite, unchanged, over the Jakarta endpoint standalone on Tyrus (Grizzly), and the
 * closes that linger. Not {@link dev.jchat.conformance.RefusedFrameClosingConformance}: Tyrus closes by
 * itself for invalid UTF-8 (1007), without lingering, and a client still writing a 1 MiB frame it is
 * refused (1009) still loses the Close now and then: on 2026-12-04, 12 runs of the 8 closing tests
 * lost each of the two codes once, where before Tyrus lingered 12 runs lost 4401, 1001 and 1009 once each.
 */
class TyrusConformanceTest extends ConformanceSuite {

  @Nested
  class Closing extends ClosingConformance {
  }

  @Override
  public ChatServer start(Endpoints endpoints) {
    return JakartaTransport.start(endpoints, "127.0.0.1", 0);
  }

  @Override
  public String name() {
    return "jakarta";
  }
}
