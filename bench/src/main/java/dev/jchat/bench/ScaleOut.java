package dev.jchat.bench;

import java.util.List;
import java.util.Locale;

/**
 * Fan-out on one server and on N instances through Redis, side by side at each rate: what the
 * deployment delivered, what its instances spent (summed), and what Redis spent and did per message
 * sent. Publishes per message is the proof that the broker costs one PUBLISH per message per room,
 * whatever the number of recipients: about 1 on any number of instances.
 */
final class ScaleOut {
  private ScaleOut() {
  }

  static Table table(List<List<LoadStep>> results) {
    Table table = new Table("fan-out over instances: one server against N instances on Redis, clients spread evenly",
        "deployment", "clients", "rate msg/s", "sent/s", "deliveries/s", "delivered", "p99 ms",
        "server CPU (all instances)", "deliveries per server CPU-s", "Redis CPU", "Redis CPU µs per message",
        "publishes per message", "Redis out KB per message");
    List<Double> rates = results.stream().flatMap(List::stream).map(LoadStep::rate).distinct().sorted().toList();
    for (double rate : rates) {
      for (List<LoadStep> steps : results) {
        steps.stream().filter(step -> step.rate() == rate).forEach(step -> add(table, step));
      }
    }
    table.note("server CPU: every instance's process, summed (% of one core); Redis CPU: the redis-server process"
        + " (/proc), '-' when it is not on this machine");
    table.note("publishes per message: PUBLISH calls (INFO commandstats) over messages sent; one per message"
        + " whatever the number of recipients and instances. Redis out per message: bytes Redis sent"
        + " (total_net_output_bytes), about one copy of the message per subscribed instance");
    table.note("Redis figures are Redis-wide: on a Redis that other work uses too, they include it");
    table.note("jchat runs on H2 (the default store); jchat-redis-N on PostgreSQL, one schema the instances share");
    return table;
  }

  private static void add(Table table, LoadStep step) {
    Usage.Span span = step.span();
    Redis.Reading broker = span.broker();
    long sent = step.stats().sent();
    table.add(step.server(), step.clients(), Table.num(step.rate()), Table.num(step.sentPerSecond()),
        Table.num(step.deliveriesPerSecond()), Table.percent(step.ratio()), Table.millis(step.stats().latency(), 99),
        Table.num(span.serverCpuPercent()) + "%", Table.num(step.deliveriesPerCpuSecond()),
        Double.isNaN(span.brokerCpuPercent()) ? "-" : Table.num(span.brokerCpuPercent()) + "%",
        broker == null || broker.cpuNanos() < 0 ? "-" : Table.num(broker.cpuNanos() / 1e3 / sent),
        broker == null ? "-" : String.format(Locale.ROOT, "%.3f", (double) broker.publishes() / sent),
        broker == null ? "-" : Table.kilobytes((double) broker.outputBytes() / sent));
  }
}
