package dev.jchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command line: {@code <scenario> --name value ...}; each scenario picks its defaults. */
final class Options {
  private final String scenario;
  private final Map<String, String> values;

  private Options(String scenario, Map<String, String> values) {
    this.scenario = scenario;
    this.values = values;
  }

  static Options parse(String... args) {
    if (args.length == 0 || args[0].startsWith("--")) {
      throw new IllegalArgumentException("name a scenario first: fanout, rooms, idle, persistence or recovery");
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      values.put(args[i].substring(2), args[++i]);
    }
    return new Options(args[0], values);
  }

  /** The same options with some values replaced (the smoke test and the scenarios' fixed settings). */
  Options with(String... pairs) {
    Map<String, String> copy = new HashMap<>(values);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      copy.put(pairs[i], pairs[i + 1]);
    }
    return new Options(scenario, copy);
  }

  String scenario() {
    return scenario;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " expects a whole number, got " + value);
    }
  }

  Duration seconds(String name, double fallback) {
    String value = values.get(name);
    try {
      double seconds = value == null ? fallback : Double.parseDouble(value.trim());
      return Duration.ofMillis(Math.round(seconds * 1000));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " expects seconds, got " + value);
    }
  }

  List<String> list(String name, String fallback) {
    String value = values.getOrDefault(name, fallback);
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }

  List<Integer> integers(String name, String fallback) {
    return list(name, fallback).stream().map(item -> {
      try {
        return Integer.parseInt(item);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " expects whole numbers separated by commas, got " + item);
      }
    }).toList();
  }

  @Override
  public String toString() {
    StringBuilder line = new StringBuilder(scenario);
    values.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(entry -> line.append(" --").append(entry.getKey()).append(' ').append(entry.getValue()));
    return line.toString();
  }

  static String usage() {
    return String.join("\n", Arrays.asList(
        "usage: bench/run.sh <scenario> [--name value ...]",
        "scenarios:",
        "  fanout       one room, --clients 1000, --senders 10 (more when the rate needs them), --rates stepped",
        "               until the delivery ratio drops under 99% or p99 passes 100 ms; --targets jchat,peer",
        "               (jchat-socketio: our server driven by the same Socket.IO client as the peer)",
        "               with jchat-redis-N among the targets, a table side by side: CPU of all instances, Redis's",
        "               CPU and PUBLISH calls per message; e.g. --targets jchat,jchat-redis-1,jchat-redis-2",
        "  rooms        --clients 5000 in rooms of --room-size 10, one sender per room, --rates stepped",
        "  idle         --counts 2000,10000 authenticated idle connections; RSS and heap per connection after GC;",
        "               --histogram true prints our server's largest heap classes at the end",
        "  persistence  --senders 50, each in its own room, --rates stepped; acked sends/s and ack latency;",
        "               --stores h2,postgres",
        "  recovery     --iterations 10: a client misses --missed 500 messages, re-joins with since; replay time;",
        "               --stores h2,postgres",
        "common: --step-seconds 10  --client nio|jdk|polling (Socket.IO targets)  --threads 2  --per-user 10  --text-size 64",
        "        --targets ...,jchat-redis-N   (fanout, rooms, idle: N instances of our server forming one chat",
        "                 through Redis, on a fresh PostgreSQL schema and Redis key prefix; client i on instance",
        "                 i mod N)  --redis-url redis://127.0.0.1:6379",
        "        --db-url jdbc:postgresql://127.0.0.1:5432/test  --db-user postgres  (jchat-redis-N, postgres)",
        "        --jar app/target/jchat-app.jar  --peer-dir bench/peer  --jvm-opts '...'  --max-seconds 900",
        "        --profile DIR   (JFR of each measured step; summarize with dev.jchat.bench.JfrTop)",
        "        --url http://127.0.0.1:3000 --pid N --target jchat|jchat-socketio|peer   (use a running server instead)"));
  }
}
