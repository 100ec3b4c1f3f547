package dev.jchat.javalin;

import dev.jchat.conformance.MessagingConformance;
import dev.jchat.conformance.SessionConformance;
import dev.jchat.conformance.Transport;
import dev.jchat.wire.Endpoints;
import org.junit.jupiter.api.Nested;

/** The conformance suite, unchanged, over the Javalin transport. */
class JavalinConformanceTest implements Transport {

  @Override
  public RunningServer start(Endpoints endpoints) {
    JavalinTransport transport = JavalinTransport.start(endpoints, "127.0.0.1", 0);
    return new RunningServer() {
      @Override
      public int port() {
        return transport.port();
      }

      @Override
      public void close() {
        transport.close();
      }
    };
  }

  @Override
  public String name() {
    return "javalin";
  }

  @Nested
  class Session extends SessionConformance {
  }

  @Nested
  class Messaging extends MessagingConformance {
  }
}
