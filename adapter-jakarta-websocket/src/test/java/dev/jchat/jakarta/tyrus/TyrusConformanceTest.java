package dev.jchat.jakarta.tyrus;

import dev.jchat.conformance.ClosingConformance;
import dev.jchat.conformance.ConformanceSuite;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite, unchanged, over the Jakarta endpoint standalone on Tyrus (Grizzly), and the
 * closes that linger. Not {@link dev.jchat.conformance.InvalidUtf8ClosingConformance}: Tyrus checks
 * UTF-8 itself and closes at once for invalid text (1007), without lingering, so a client still
 * writing then loses the Close now and then (once in 12 runs on 2026-12-04).
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
