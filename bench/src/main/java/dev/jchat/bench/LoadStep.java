package dev.jchat.bench;

import dev.jchat.bench.client.BenchClient;
import dev.jchat.bench.client.StepStats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One measured step: the senders send at a fixed rate for a while, then the step waits (bounded)
 * for the last deliveries. CPU is read over the whole step, from the first send to the last delivery;
 * memory right after it. Both add up over the instances of the deployment.
 */
record LoadStep(String server, int clients, int senders, double rate, int recipients, StepStats stats,
                Usage.Span span, long rssBytes, long heapBytes, String busiestThreads) {

  static final double MIN_RATIO = 0.99;
  static final double MAX_P99_MILLIS = 100;

  /** What a step needs to know beyond the senders. */
  record Plan(int step, double rate, int recipients, Duration duration, Duration drainLimit, String padding,
              boolean waitForAcks, boolean readHeap, Profiling profiling) {
    Plan(int step, double rate, int recipients, Duration duration, Duration drainLimit, String padding,
         boolean waitForAcks, boolean readHeap) {
      this(step, rate, recipients, duration, drainLimit, padding, waitForAcks, readHeap, null);
    }
  }

  static LoadStep run(Deployment deployment, Fleet fleet, List<BenchClient> senders, Plan plan) {
    StepStats stats = fleet.measurements().begin(plan.step());
    if (plan.profiling() != null) {
      plan.profiling().start(Math.round(plan.rate()) + "msgs");
    }
    Usage before = deployment.usage();
    var threadsBefore = Proc.threadCpuNanos(deployment.pids());
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    long end = start + plan.duration().toNanos();
    CountDownLatch lastSent = Pacer.schedule(senders, plan.rate(), plan.step(), stats, plan.padding(), start, end);
    sleepUntil(end);
    long drainDeadline = System.nanoTime() + plan.drainLimit().toNanos();
    // A send due just before the end may run just after it: wait for it, or the step ends without it.
    awaitUntil(lastSent, drainDeadline);
    while (System.nanoTime() < drainDeadline && (stats.delivered() < stats.sent() * plan.recipients()
        || plan.waitForAcks() && stats.acked() < stats.sent())) {
      Target.sleep(5);
    }
    Usage after = deployment.usage();
    var threadsAfter = Proc.threadCpuNanos(deployment.pids());
    stats.freeze();
    if (plan.profiling() != null) {
      plan.profiling().stop();
    }
    long rss = deployment.rssBytes();
    long heap = plan.readHeap() ? deployment.heapBytes(false) : -1;
    Usage.Span span = after.since(before);
    return new LoadStep(deployment.label(), (int) fleet.openCount(), senders.size(), plan.rate(), plan.recipients(),
        stats, span, rss, heap, Proc.busiestThreads(threadsBefore, threadsAfter, span.seconds(), 4));
  }

  private static void awaitUntil(CountDownLatch latch, long deadline) {
    try {
      latch.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepUntil(long deadline) {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      Target.sleep(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
    }
  }

  double sentPerSecond() {
    return stats.sent() / span.seconds();
  }

  double deliveriesPerSecond() {
    return stats.delivered() / span.seconds();
  }

  double ackedPerSecond() {
    return stats.acked() / span.seconds();
  }

  /** Deliveries over the deliveries due (every message to every member of its room). */
  double ratio() {
    long due = stats.sent() * recipients;
    return due == 0 ? Double.NaN : (double) stats.delivered() / due;
  }

  double p99Millis() {
    return stats.latency().getTotalCount() == 0 ? Double.POSITIVE_INFINITY
        : stats.latency().getValueAtPercentile(99) / 1000.0;
  }

  /** Held: (nearly) everything delivered, p99 within bounds, nothing dropped by the server. */
  boolean held() {
    return stats.sent() > 0 && ratio() >= MIN_RATIO && p99Millis() <= MAX_P99_MILLIS && stats.closed() == 0;
  }

  double deliveriesPerCpuSecond() {
    return span.serverCpuSeconds() == 0 ? Double.NaN : stats.delivered() / span.serverCpuSeconds();
  }

  static Table table(String title) {
    return new Table(title, "server", "clients", "senders", "rate msg/s", "sent/s", "deliveries/s", "delivered",
        "p50 ms", "p99 ms", "p99.9 ms", "max ms", "server CPU", "deliveries per server CPU-s", "generator CPU",
        "machine busy", "RSS MB", "RSS/conn KB", "heap MB", "errors");
  }

  void addTo(Table table) {
    table.add(server, clients, senders, Table.num(rate), Table.num(sentPerSecond()), Table.num(deliveriesPerSecond()),
        Table.percent(ratio()), Table.millis(stats.latency(), 50), Table.millis(stats.latency(), 99),
        Table.millis(stats.latency(), 99.9), Table.millis(stats.latency(), 100),
        Table.num(span.serverCpuPercent()) + "%", Table.num(deliveriesPerCpuSecond()),
        Table.num(span.generatorCpuPercent()) + "%", Table.num(span.machineBusyPercent()) + "%",
        Table.megabytes(rssBytes), Table.kilobytes((double) rssBytes / Math.max(1, clients)),
        Table.megabytes(heapBytes), problems());
  }

  /** Errors, server closes, out-of-order deliveries and skipped sends, or 0. */
  String problems() {
    StringBuilder found = new StringBuilder();
    append(found, stats.errors(), "chat:error");
    append(found, stats.closed(), "closed");
    append(found, stats.outOfOrder(), "out of order");
    append(found, stats.skippedSends(), "sends skipped");
    return found.length() == 0 ? "0" : found.toString();
  }

  private static void append(StringBuilder found, long count, String what) {
    if (count > 0) {
      found.append(found.length() == 0 ? "" : ", ").append(count).append(' ').append(what);
    }
  }
}
