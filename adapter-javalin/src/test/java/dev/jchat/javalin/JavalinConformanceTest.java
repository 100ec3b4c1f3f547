package dev.jchat.javalin;

import dev.jchat.conformance.ConformanceSuite;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;

/** The conformance suite, unchanged, over the Javalin transport. */
class JavalinConformanceTest extends ConformanceSuite {

  @Override
  public ChatServer start(Endpoints endpoints) {
    return JavalinTransport.start(endpoints, "127.0.0.1", 0);
  }

  @Override
  public String name() {
    return "javalin";
  }
}
