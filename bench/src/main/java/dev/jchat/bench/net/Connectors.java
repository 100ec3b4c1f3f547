package dev.jchat.bench.net;

/**
 * Builds the client the generator runs on: {@code nio} (the default) or {@code jdk}, or Engine.IO
 * long-polling ({@code polling}, for the Socket.IO targets only).
 */
public final class Connectors {
  private Connectors() {
  }

  public static Connector create(String kind, int threads) {
    EventLoop[] loops = new EventLoop[threads];
    for (int i = 0; i < threads; i++) {
      loops[i] = new EventLoop("bench-loop-" + i);
    }
    return switch (kind) {
      case "nio" -> NioWebSocket.connector(loops);
      case "jdk" -> JdkWebSocket.connector(loops, threads);
      case "polling" -> LongPollingSocket.connector(loops, threads);
      default -> throw new IllegalArgumentException("--client must be nio, jdk or polling, not " + kind);
    };
  }
}
