package dev.jchat.jakarta.tyrus;

import dev.jchat.conformance.ClosingConformance;
import dev.jchat.conformance.ConformanceSuite;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite, unchanged, over the Jakarta endpoint standalone on Tyrus (Grizzly), and the
 * closes that linger.
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
