package dev.jchat.javalin;

import dev.jchat.conformance.ClosingConformance;
import dev.jchat.conformance.ConformanceSuite;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;
import org.junit.jupiter.api.Nested;

/** The conformance suite, unchanged, over the Javalin transport, and the closes that linger. */
class JavalinConformanceTest extends ConformanceSuite {

  @Nested
  class Closing extends ClosingConformance {
  }

  @Override
  public ChatServer start(Endpoints endpoints) {
    return JavalinTransport.start(endpoints, "127.0.0.1", 0);
  }

  @Override
  public String name() {
    return "javalin";
  }
}
