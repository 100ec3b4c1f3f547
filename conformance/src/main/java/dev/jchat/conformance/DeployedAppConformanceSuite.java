package dev.jchat.conformance;

import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;
import org.junit.jupiter.api.Nested;

/**
 * The conformance classes that hold against an application serving a chat of its own: a WAR deployed
 * into a servlet container, a Spring Boot application. Its test class extends this and deploys the
 * application afresh for each test, configured as {@link Transport#servesTheSuitesChat} says; the
 * tests marked {@link NeedsTheSuitesChat} are skipped.
 */
public abstract class DeployedAppConformanceSuite implements Transport {

  /** Starts the application with a chat of its own, on 127.0.0.1 and a free port. */
  protected abstract ChatServer deploy() throws Exception;

  /** The application serves its own chat, not the suite's {@code endpoints}. */
  @Override
  public final ChatServer start(Endpoints endpoints) throws Exception {
    return deploy();
  }

  @Override
  public final boolean servesTheSuitesChat() {
    return false;
  }

  @Nested
  class HttpApi extends HttpApiConformance {
  }

  @Nested
  class Messaging extends MessagingConformance {
  }
}
