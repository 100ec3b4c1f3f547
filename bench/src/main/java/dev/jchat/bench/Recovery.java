package dev.jchat.bench;

import dev.jchat.bench.client.BenchClient;
import dev.jchat.bench.client.JchatClient;
import dev.jchat.bench.client.Measurements;
import dev.jchat.bench.client.StepStats;
import dev.jchat.bench.net.Connector;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Recovery: a reader leaves the room, writers send {@code --missed} messages (all acknowledged), and
 * the reader reconnects and joins with {@code since} = the last id it saw. Measured: from the join
 * request to the {@code chat:history} that holds the missed messages, and from the new connection to
 * it (connect, auth, join, history), over several rounds.
 */
final class Recovery {
  private static final String ROOM = "recovery";

  private Recovery() {
  }

  static void run(Target target, Connector connector, Options options, Table table, PrintStream log) {
    int rounds = options.integer("iterations", 10);
    int missed = options.integer("missed", 500);
    int writers = options.integer("senders", 50);
    String padding = FanOut.padding(options.integer("text-size", 64));
    Measurements measurements = new Measurements();
    List<Double> joinToHistory = new ArrayList<>();
    List<Double> connectToHistory = new ArrayList<>();
    List<Integer> replayed = new ArrayList<>();
    List<Integer> frameBytes = new ArrayList<>();
    boolean anyHasMore = false;
    double serverCpuSeconds = 0;
    Deployment deployment = Deployment.of(target);
    try (Fleet fleet = new Fleet(deployment, connector, measurements, options)) {
      fleet.add(writers, index -> ROOM, Duration.ofSeconds(60));
      String readerToken = fleet.spareToken("reader");
      Long since = null;
      for (int round = 0; round <= rounds; round++) {
        Usage before = deployment.usage();
        long connectAt = System.nanoTime();
        BenchClient reader = fleet.single(ROOM, readerToken, since, Duration.ofSeconds(30));
        JchatClient.History history = ((JchatClient) reader).history().getNow(null);
        Usage.Span span = deployment.usage().since(before);
        if (history == null) {
          throw new IllegalStateException("the reader was in the room without a chat:history");
        }
        if (round > 0) { // round 0 only learns where the reader stands
          joinToHistory.add((history.receivedAt() - history.joinSentAt()) / 1e6);
          connectToHistory.add((history.receivedAt() - connectAt) / 1e6);
          replayed.add(history.messages());
          frameBytes.add(history.bytes());
          anyHasMore |= history.hasMore();
          serverCpuSeconds += span.serverCpuSeconds();
        }
        since = history.newestId();
        reader.close();
        await(reader, "the reader did not close");
        if (round < rounds) {
          sendMissed(fleet.clients(), measurements.begin(round + 1), round + 1, missed, padding);
        }
      }
    }
    log.printf("%s: %d rounds, %s messages replayed per join%n", target.label(), rounds, replayed);
    table.add(target.label() + " (" + target.store() + ")", rounds, missed,
        Collections.min(replayed) + (Collections.min(replayed).equals(Collections.max(replayed)) ? "" : "-"
            + Collections.max(replayed)), anyHasMore ? "yes" : "no", Table.kilobytes(average(frameBytes)),
        Table.millis(median(joinToHistory)), Table.millis(Collections.max(joinToHistory)),
        Table.millis(median(connectToHistory)), Table.millis(Collections.max(connectToHistory)),
        Table.millis(1000 * serverCpuSeconds / rounds));
  }

  static Table table() {
    return new Table("recovery (re-join with since after missing messages)", "server", "rounds", "missed",
        "replayed per join", "hasMore", "history frame KB", "join→history p50 ms", "join→history max ms",
        "reconnect→history p50 ms", "reconnect→history max ms", "server CPU ms per reconnect");
  }

  /** The writers send exactly {@code count} messages at under 10/s each, then every ack is awaited. */
  private static void sendMissed(List<BenchClient> writers, StepStats stats, int step, int count, String padding) {
    long interval = (long) (1e9 / Pacer.MAX_RATE_PER_SENDER);
    long start = System.nanoTime();
    for (int i = 0; i < writers.size(); i++) {
      BenchClient writer = writers.get(i);
      int share = count / writers.size() + (i < count % writers.size() ? 1 : 0);
      for (int k = 0; k < share; k++) {
        long at = start + k * interval + i * interval / writers.size();
        writer.loop().schedule(at, () -> writer.send(step, padding, 0));
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30 + count / 10);
    while (stats.acked() < count && System.nanoTime() < deadline) {
      Target.sleep(10);
    }
    if (stats.acked() < count) {
      throw new IllegalStateException("only " + stats.acked() + " of " + count + " messages were acknowledged");
    }
  }

  private static void await(BenchClient client, String why) {
    try {
      client.closed().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(why, e);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double average(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
  }
}
