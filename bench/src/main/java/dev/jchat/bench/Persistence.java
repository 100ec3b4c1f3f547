package dev.jchat.bench;

import dev.jchat.bench.client.BenchClient;
import dev.jchat.bench.client.Measurements;
import dev.jchat.bench.net.Connector;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Persistence: acknowledged sends per second and the latency from send to ack (the server acks only
 * once the store has the message), each sender alone in its room so fan-out costs nothing. Run once
 * per store; the rate is raised step by step up to what the senders may send under the protocol's
 * limit of 10 sends/s per connection.
 */
final class Persistence {
  private Persistence() {
  }

  /** The server settings for a store name; PostgreSQL gets a fresh schema made with psql. */
  static Map<String, String> environment(String store, Options options, String schema) {
    return switch (store) {
      case "h2" -> Map.of();
      case "postgres" -> {
        psql(options, "create schema if not exists " + schema);
        yield Map.of("CHAT_DB_URL", options.text("db-url", "jdbc:postgresql://127.0.0.1:5432/test") + "?currentSchema="
            + schema, "CHAT_DB_USER", options.text("db-user", "postgres"), "CHAT_DB_PASSWORD",
            options.text("db-password", ""));
      }
      default -> throw new IllegalArgumentException("--stores takes h2 or postgres, not " + store);
    };
  }

  static void dropSchema(Options options, String schema) {
    psql(options, "drop schema if exists " + schema + " cascade");
  }

  static void psql(Options options, String sql) {
    try {
      Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", options.text("db-user", "postgres"), "-d",
          "test", "-q", "-c", sql).redirectErrorStream(true).start();
      String output = new String(psql.getInputStream().readAllBytes());
      if (!psql.waitFor(30, TimeUnit.SECONDS) || psql.exitValue() != 0) {
        throw new IllegalStateException("psql failed: " + output.trim());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run psql: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static List<LoadStep> run(Target target, String store, Connector connector, Options options, Table table,
                            PrintStream log) {
    int senders = options.integer("senders", 50);
    List<Integer> rates = options.integers("rates", "100,200,300,400,450");
    Duration duration = options.seconds("step-seconds", 10);
    Duration warmup = options.seconds("warmup-seconds", 5);
    String padding = FanOut.padding(options.integer("text-size", 64));
    List<LoadStep> steps = new ArrayList<>();
    Deployment deployment = Deployment.of(target);
    Profiling profiling = Profiling.of(options, deployment);
    try (Fleet fleet = new Fleet(deployment, connector, new Measurements(), options)) {
      fleet.add(senders, index -> "persist-" + index, Duration.ofSeconds(60));
      List<BenchClient> all = fleet.clients();
      int step = 0;
      if (!warmup.isZero()) {
        LoadStep.run(deployment, fleet, all, new LoadStep.Plan(step++, rates.get(0), 1, warmup, Duration.ofSeconds(5),
            padding, true, false));
      }
      for (int rate : rates) {
        if (rate > senders * Pacer.MAX_RATE_PER_SENDER) {
          table.note(rate + " msg/s skipped: " + senders + " senders may send at most "
              + Table.num(senders * Pacer.MAX_RATE_PER_SENDER) + " msg/s under the limit of 10/s per connection");
          continue;
        }
        LoadStep result = LoadStep.run(deployment, fleet, all, new LoadStep.Plan(step++, rate, 1, duration,
            Duration.ofSeconds(10), padding, true, false, profiling));
        steps.add(result);
        addTo(table, store, result);
        log.printf("%s on %s, %d msg/s: %s acked/s, ack p99 %s ms (sent %d, acked %d, delivered %d)%n", target.label(),
            store, rate, Table.num(result.ackedPerSecond()), Table.millis(result.stats().ackLatency(), 99),
            result.stats().sent(), result.stats().acked(), result.stats().delivered());
      }
    }
    return steps;
  }

  static Table table() {
    return new Table("persistence (50 senders, each alone in its room; ack = stored)", "store", "senders",
        "rate msg/s", "sent/s", "acked/s", "ack p50 ms", "ack p99 ms", "ack p99.9 ms", "ack max ms", "delivered",
        "delivery p99 ms", "server CPU", "generator CPU", "machine busy", "errors");
  }

  private static void addTo(Table table, String store, LoadStep step) {
    var acks = step.stats().ackLatency();
    table.add(store, step.senders(), Table.num(step.rate()), Table.num(step.sentPerSecond()),
        Table.num(step.ackedPerSecond()), Table.millis(acks, 50), Table.millis(acks, 99), Table.millis(acks, 99.9),
        Table.millis(acks, 100), Table.percent(step.ratio()), Table.millis(step.stats().latency(), 99),
        Table.num(step.span().serverCpuPercent()) + "%", Table.num(step.span().generatorCpuPercent()) + "%",
        Table.num(step.span().machineBusyPercent()) + "%", step.problems());
  }
}
