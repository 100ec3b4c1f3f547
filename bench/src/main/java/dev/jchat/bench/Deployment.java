package dev.jchat.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The servers one load runs against, named as {@code --targets} names them: one server ({@code jchat},
 * {@code peer}), or {@code jchat-redis-N}, N instances of ours forming one chat through Redis (as the
 * README's "Running many instances" starts them: one JWT secret, one PostgreSQL schema, one Redis key
 * prefix, all fresh for the run). Client {@code i} connects to instance {@code i mod N}; CPU, threads
 * and memory add up over the instances. Closing it stops the servers and, on Redis, drops the schema
 * and deletes the keys.
 */
final class Deployment implements AutoCloseable {
  private static final Pattern ON_REDIS = Pattern.compile("jchat-redis-([1-9]\\d*)");

  private final String label;
  private final List<Target> instances;
  private final Redis redis;
  private final Runnable cleanup;

  private Deployment(String label, List<Target> instances, Redis redis, Runnable cleanup) {
    this.label = label;
    this.instances = List.copyOf(instances);
    this.redis = redis;
    this.cleanup = cleanup;
  }

  /** One server, started or attached elsewhere. */
  static Deployment of(Target target) {
    return new Deployment(target.label(), List.of(target), null, () -> { });
  }

  /** Starts what {@code name} names: jchat, jchat-socketio, peer or jchat-redis-N. */
  static Deployment start(String name, Options options) {
    Matcher onRedis = ON_REDIS.matcher(name);
    if (onRedis.matches()) {
      return onRedis(Integer.parseInt(onRedis.group(1)), options);
    }
    Target.Kind kind = Target.kind(name);
    return of(kind == Target.Kind.PEER ? Target.startPeer(options) : Target.startJchat(options, Map.of(), kind));
  }

  /** {@code count} instances of our server on Redis ({@code --redis-url}) and a fresh PostgreSQL schema. */
  private static Deployment onRedis(int count, Options options) {
    Redis redis = Redis.of(options);
    String run = "bench_" + Long.toString(System.currentTimeMillis(), 36);
    String prefix = "jchat-bench:" + run + ":";
    Runnable cleanup = () -> {
      Persistence.dropSchema(options, run);
      redis.deleteKeys(prefix);
    };
    Map<String, String> settings = new HashMap<>(Persistence.environment("postgres", options, run));
    settings.put("CHAT_REDIS_URL", redis.url());
    settings.put("CHAT_REDIS_PREFIX", prefix);
    settings.put("CHAT_JWT_SECRET", randomSecret());
    List<Target> started = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) { // one after the other: the first migrates the schema
        started.add(Target.startJchat(options, settings, Target.Kind.JCHAT));
      }
    } catch (RuntimeException e) {
      started.forEach(Target::close);
      cleanup.run();
      throw e;
    }
    return new Deployment("jchat-redis-" + count, started, redis, cleanup);
  }

  private static String randomSecret() {
    byte[] secret = new byte[48];
    new SecureRandom().nextBytes(secret);
    return Base64.getEncoder().encodeToString(secret);
  }

  String label() {
    return label;
  }

  int size() {
    return instances.size();
  }

  /** The instance client {@code index} connects to: index mod N (the recovery reader, -1, gets the last). */
  Target instance(int index) {
    return instances.get(Math.floorMod(index, instances.size()));
  }

  /** Null unless the instances share Redis. */
  Redis redis() {
    return redis;
  }

  List<Long> pids() {
    return instances.stream().map(Target::pid).toList();
  }

  /** CPU of the instances (summed) and of Redis, now. */
  Usage usage() {
    return Usage.now(pids(), redis);
  }

  long rssBytes() {
    return instances.stream().mapToLong(Target::rssBytes).sum();
  }

  /** Heap in use over the instances, -1 when one cannot be read. */
  long heapBytes(boolean afterGc) {
    long sum = 0;
    for (Target instance : instances) {
      long heap = instance.heapBytes(afterGc);
      if (heap < 0) {
        return -1;
      }
      sum += heap;
    }
    return sum;
  }

  @Override
  public void close() {
    instances.forEach(Target::close);
    cleanup.run();
  }

  @Override
  public String toString() {
    return label + " (pid " + pids().stream().map(String::valueOf).collect(Collectors.joining(", ")) + "; store "
        + instances.get(0).store() + "; " + (redis == null ? "no Redis"
        : "Redis " + redis.url() + ", pid " + (redis.pid() < 0 ? "not on this machine" : redis.pid())) + ") at "
        + instances.stream().map(Target::baseUrl).collect(Collectors.joining(", "));
  }
}
