package dev.jchat.bench;

import dev.jchat.bench.client.BenchClient;
import dev.jchat.bench.client.Measurements;
import dev.jchat.bench.net.Connector;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Fan-out: every client in one room, a few of them sending, the rate raised step by step until a
 * step is not held (delivery ratio under 99%, p99 over 100 ms, or a client cut off). Each message
 * reaches every client, the sender's own included. On several instances ({@code jchat-redis-N}) the
 * clients, and the senders among them, are spread evenly over the instances.
 */
final class FanOut {
  static final String ROOM = "fanout";

  private FanOut() {
  }

  static List<LoadStep> run(Deployment deployment, Connector connector, Options options, Table table, PrintStream log) {
    int clients = options.integer("clients", 1000);
    int minimumSenders = options.integer("senders", 10);
    List<Integer> rates = options.integers("rates", "10,20,30,40,60,80,100,150,200,300,400");
    Duration duration = options.seconds("step-seconds", 10);
    Duration warmup = options.seconds("warmup-seconds", 10);
    String padding = padding(options.integer("text-size", 64));
    boolean readHeap = !options.text("heap", "true").equals("false");
    List<LoadStep> steps = new ArrayList<>();
    Profiling profiling = Profiling.of(options, deployment);
    try (Fleet fleet = new Fleet(deployment, connector, new Measurements(), options)) {
      long connecting = System.nanoTime();
      fleet.add(clients, index -> ROOM, Duration.ofSeconds(60 + clients / 20));
      log.printf("%s: %d clients in room %s after %.1f s%n", deployment.label(), clients, ROOM,
          (System.nanoTime() - connecting) / 1e9);
      IntFunction<List<BenchClient>> sendersAt = rate -> spread(fleet.clients(),
          Pacer.sendersFor(rate, minimumSenders, clients), deployment.size());
      int step = 0;
      if (!warmup.isZero()) {
        int rate = rates.get(0);
        LoadStep.run(deployment, fleet, sendersAt.apply(rate),
            new LoadStep.Plan(step++, rate, clients, warmup, Duration.ofSeconds(3), padding, false, false));
      }
      for (int rate : rates) {
        LoadStep result = LoadStep.run(deployment, fleet, sendersAt.apply(rate),
            new LoadStep.Plan(step++, rate, clients, duration, Duration.ofSeconds(5), padding, false, readHeap,
                profiling));
        steps.add(result);
        result.addTo(table);
        log.println(progress(result));
        if (!result.held()) {
          break;
        }
      }
    }
    table.note(deployment.label() + ": highest rate held (delivered >= 99%, p99 <= 100 ms, nobody cut off): "
        + highestHeld(steps));
    return steps;
  }

  static String highestHeld(List<LoadStep> steps) {
    return steps.stream().filter(LoadStep::held).mapToDouble(LoadStep::rate).max()
        .stream().mapToObj(rate -> Table.num(rate) + " msg/s").findFirst().orElse("none");
  }

  /**
   * {@code count} clients spread evenly over the list (so over users and loops too) and over the
   * {@code instances} (client c is on instance c mod instances): the i-th is the client at or just
   * before i × size / count that is on instance i mod instances.
   */
  static List<BenchClient> spread(List<BenchClient> clients, int count, int instances) {
    List<BenchClient> chosen = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int evenly = (int) ((long) i * clients.size() / count);
      chosen.add(clients.get(evenly - Math.floorMod(evenly - i, instances)));
    }
    return chosen;
  }

  static String padding(int textSize) {
    return "x".repeat(Math.max(1, textSize - 24));
  }

  static String progress(LoadStep step) {
    Usage.Span span = step.span();
    return String.format("%s %s msg/s from %d senders: %s deliveries/s, delivered %s, p99 %s ms, server CPU %s%%"
            + " (kernel %s%%; threads: %s; %s deliveries per write call), generator CPU %s%% (kernel %s%%),"
            + " send lag p99 %s ms%s%s", step.server(),
        Table.num(step.rate()), step.senders(), Table.num(step.deliveriesPerSecond()), Table.percent(step.ratio()),
        Table.millis(step.stats().latency(), 99), Table.num(span.serverCpuPercent()),
        Table.num(100 * span.serverSystemSeconds() / span.seconds()), step.busiestThreads(),
        Table.num(span.serverWrites() <= 0 ? Double.NaN : step.stats().delivered() / (double) span.serverWrites()),
        Table.num(span.generatorCpuPercent()),
        Table.num(100 * span.generatorSystemSeconds() / span.seconds()), Table.millis(step.stats().sendLag(), 99),
        step.problems().equals("0") ? "" : " (" + step.problems() + ")",
        span.broker() == null ? "" : String.format("; Redis CPU %s%%, %d PUBLISH for %d messages sent",
            Table.num(span.brokerCpuPercent()), span.broker().publishes(), step.stats().sent()));
  }
}
