package dev.jchat.jakarta.servlet;

import dev.jchat.conformance.ConformanceSuite;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;

/** The conformance suite, unchanged, over the Jakarta endpoint deployed in a real servlet container (embedded Tomcat 11). */
class ServletContainerConformanceTest extends ConformanceSuite {

  @Override
  public ChatServer start(Endpoints endpoints) throws Exception {
    return TomcatServer.start(endpoints);
  }

  @Override
  public String name() {
    return "jakarta";
  }
}
