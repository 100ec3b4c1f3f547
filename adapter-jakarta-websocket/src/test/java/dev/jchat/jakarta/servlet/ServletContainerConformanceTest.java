package dev.jchat.jakarta.servlet;

import dev.jchat.conformance.ClosingConformance;
import dev.jchat.conformance.ConformanceSuite;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite, unchanged, over the Jakarta endpoint deployed in a real servlet container
 * (embedded Tomcat 11), and the closes that linger.
 */
class ServletContainerConformanceTest extends ConformanceSuite {

  @Nested
  class Closing extends ClosingConformance {
  }

  @Override
  public ChatServer start(Endpoints endpoints) throws Exception {
    return TomcatServer.start(endpoints);
  }

  @Override
  public String name() {
    return "jakarta";
  }
}
