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
}
