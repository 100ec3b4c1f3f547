package dev.jchat.bench;

import dev.jchat.bench.client.Measurements;
import dev.jchat.bench.net.Connector;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Idle connections: memory per connection, measured as the growth of RSS and of the heap (both after
 * a full GC) from a baseline taken once the users exist, so the figures hold the connections alone.
 * Our clients authenticate (and join a room when {@code --room-size} is set); the peer's complete the
 * Socket.IO handshake, which is all its protocol has.
 */
final class Idle {
  private static final Duration SETTLE = Duration.ofSeconds(3);

  private Idle() {
  }

  static void run(Deployment deployment, Connector connector, Options options, Table table, PrintStream log) {
    List<Integer> counts = options.integers("counts", "2000,10000");
    int roomSize = options.integer("room-size", 0);
    Duration idle = options.seconds("idle-seconds", 10);
    try (Fleet fleet = new Fleet(deployment, connector, new Measurements(), options)) {
      fleet.ensureUsers(counts.stream().mapToInt(Integer::intValue).max().orElse(0));
      Target.sleep(SETTLE.toMillis());
      long baseHeap = deployment.heapBytes(true);
      Target.sleep(1000);
      long baseRss = deployment.rssBytes();
      table.add(deployment.label(), 0, "-", Table.megabytes(baseRss), Table.megabytes(baseHeap), "-", "-", "-", "-");
      for (int count : counts) {
        int more = count - fleet.clients().size();
        long connecting = System.nanoTime();
        fleet.add(more, index -> roomSize > 0 ? "idle-" + index / roomSize : null, Duration.ofSeconds(60 + more / 20));
        double connectSeconds = (System.nanoTime() - connecting) / 1e9;
        Target.sleep(SETTLE.toMillis());
        Usage before = deployment.usage();
        Target.sleep(idle.toMillis());
        Usage.Span quiet = deployment.usage().since(before);
        long heap = deployment.heapBytes(true);
        Target.sleep(1000);
        long rss = deployment.rssBytes();
        long open = fleet.openCount();
        table.add(deployment.label(), open, Table.num(more / connectSeconds), Table.megabytes(rss),
            Table.megabytes(heap), Table.kilobytes((double) (rss - baseRss) / open),
            heap < 0 || baseHeap < 0 ? "-" : Table.kilobytes((double) (heap - baseHeap) / open),
            Table.num(quiet.serverCpuPercent()) + "%", Table.num(quiet.generatorCpuPercent()) + "%");
        log.printf("%s: %d idle connections, RSS %s MB (%s KB each), heap %s MB%n", deployment.label(), open,
            Table.megabytes(rss), Table.kilobytes((double) (rss - baseRss) / open), Table.megabytes(heap));
      }
      Target first = deployment.instance(0);
      if (options.text("histogram", "false").equals("true") && first.ours()) {
        // what the heap holds per connection: the largest classes after the last GC (jcmd GC.class_histogram)
        Proc.jcmd(first.pid(), "GC.class_histogram").lines().limit(33).forEach(log::println);
      }
    }
  }

  static Table table() {
    return new Table("idle connections (memory after a full GC; per connection = growth over the baseline row)",
        "server", "connections", "connects/s", "RSS MB", "heap MB", "RSS/conn KB", "heap/conn KB",
        "server CPU idle", "generator CPU idle");
  }
}
