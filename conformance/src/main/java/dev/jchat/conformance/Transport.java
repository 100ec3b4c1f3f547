package dev.jchat.conformance;

import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;

/**
 * A transport under test. A transport's test class extends {@link ConformanceSuite}, which implements
 * this; each conformance class, nested in it, finds the transport as its enclosing test instance.
 */
public interface Transport {

  /** Starts serving exactly these endpoints on 127.0.0.1 and a free port. */
  ChatServer start(Endpoints endpoints) throws Exception;

  /** The name the transport reports in /health. */
  String name();

  /**
   * Whether the server serves the endpoints {@link #start} is given, so a test may reach into that
   * chat (switch its store off, change its limits). A deployed application serves a chat of its own
   * instead, started afresh for each test, with the suite's token secret ({@link TestChat#SECRET}),
   * 24-hour tokens and the protocol's default limits: it says false here, and the tests that need the
   * suite's chat are skipped.
   */
  default boolean servesTheSuitesChat() {
    return true;
  }
}
