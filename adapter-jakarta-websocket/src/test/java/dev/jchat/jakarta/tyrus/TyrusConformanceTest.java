package dev.jchat.jakarta.tyrus;

import dev.jchat.conformance.ConformanceSuite;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;

/** The conformance suite, unchanged, over the Jakarta endpoint standalone on Tyrus (Grizzly). */
class TyrusConformanceTest extends ConformanceSuite {

  @Override
  public ChatServer start(Endpoints endpoints) {
    return JakartaTransport.start(endpoints, "127.0.0.1", 0);
  }

  @Override
  public String name() {
    return "jakarta";
  }
}
