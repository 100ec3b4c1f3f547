package dev.jchat.bench;

import dev.jchat.bench.client.BenchClient;
import dev.jchat.bench.client.Measurements;
import dev.jchat.bench.net.Connector;
import dev.jchat.bench.net.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * The generator's connections to one deployment: registers the users they log in as (one per
 * {@code --per-user} connections, on the first instance: the instances share the database), opens them a
 * bounded number at a time, client {@code i} to instance {@code i mod N}, and closes them all.
 */
final class Fleet implements AutoCloseable {
  private static final int CONNECTING_AT_ONCE = 200;
  private static final int REGISTERING_AT_ONCE = 2;

  private final Deployment deployment;
  private final Connector connector;
  private final Measurements measurements;
  private final int perUser;
  private final String prefix = Accounts.freshPrefix();
  private final List<String> tokens = new ArrayList<>();
  private final List<BenchClient> clients = new ArrayList<>();

  Fleet(Deployment deployment, Connector connector, Measurements measurements, Options options) {
    this.deployment = deployment;
    this.connector = connector;
    this.measurements = measurements;
    this.perUser = options.integer("per-user", 10);
    if (perUser < 1 || perUser > 20) {
      throw new IllegalArgumentException("--per-user must be 1 to 20 (the server allows 20 connections per user)");
    }
  }

  List<BenchClient> clients() {
    return clients;
  }

  Measurements measurements() {
    return measurements;
  }

  /** Registers users for {@code clientCount} clients in all (only those not registered yet). */
  void ensureUsers(int clientCount) {
    if (!deployment.instance(0).needsAccounts()) {
      return;
    }
    int needed = (clientCount + perUser - 1) / perUser;
    if (needed > tokens.size()) {
      int more = needed - tokens.size();
      Duration timeout = Duration.ofSeconds(30 + more / 5);
      List<String> added = Accounts.register(deployment.instance(0).baseUrl(), prefix + "u" + tokens.size() + "_", more,
          REGISTERING_AT_ONCE, timeout);
      tokens.addAll(added);
    }
  }

  /** Opens {@code count} more clients, client {@code i} in room {@code room.apply(i)} (null: no room). */
  List<BenchClient> add(int count, IntFunction<String> room, Duration timeout) {
    ensureUsers(clients.size() + count);
    EventLoop[] loops = connector.loops();
    List<BenchClient> added = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = clients.size() + i;
      Target target = deployment.instance(index);
      String token = target.needsAccounts() ? tokens.get(index / perUser) : null;
      added.add(target.client(measurements, index, room.apply(index), loops[index % loops.length], token, null));
    }
    clients.addAll(added);
    connect(added, timeout);
    return added;
  }

  /** One more client outside the numbering (the recovery reader), logged in with {@code token}. */
  BenchClient single(String room, String token, Long since, Duration timeout) {
    BenchClient client = deployment.instance(-1).client(measurements, -1, room, connector.loops()[0], token, since);
    connect(List.of(client), timeout);
    return client;
  }

  /** A token of a user whose connections this fleet does not use (registers it). */
  String spareToken(String name) {
    return Accounts.register(deployment.instance(0).baseUrl(), prefix + name, 1, 1, Duration.ofSeconds(30)).get(0);
  }

  private void connect(List<BenchClient> batch, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Semaphore slots = new Semaphore(CONNECTING_AT_ONCE);
    try {
      for (BenchClient client : batch) {
        if (!slots.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          throw new IllegalStateException("connecting " + batch.size() + " clients took over " + timeout.toSeconds()
              + " s");
        }
        client.ready().whenComplete((ready, failure) -> slots.release());
        connector.connect(client.uri(deployment.instance(client.index()).baseUrl()), client.loop(), client);
      }
      CompletableFuture.allOf(batch.stream().map(BenchClient::ready).toArray(CompletableFuture[]::new))
          .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      long ready = batch.stream().filter(client -> client.ready().isDone()).count();
      throw new IllegalStateException("only " + ready + " of " + batch.size() + " clients were ready within "
          + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw new IllegalStateException("a client could not connect: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  long openCount() {
    return clients.stream().filter(BenchClient::isOpen).count();
  }

  @Override
  public void close() {
    clients.forEach(BenchClient::close);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (BenchClient client : clients) {
      try {
        client.closed().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    clients.clear();
  }
}
