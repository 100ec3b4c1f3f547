package dev.jchat.app;

import dev.jchat.core.domain.CloseCode;
import dev.jchat.core.port.ChatMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The chat's counts in a Micrometer registry, scraped in the Prometheus text format. Meters are made
 * once, here; counting is a lock-free add.
 */
final class MicrometerChatMetrics implements ChatMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter framesIn = counter("jchat.frames.in", "text frames from clients");
  private final Counter framesOut = counter("jchat.frames.out", "frames written to clients");
  private final Counter writes = counter("jchat.writes", "sends to client connections, each of one or more frames");
  private final Counter stored = counter("jchat.messages.stored", "messages stored and acknowledged");
  private final Counter deliveries = counter("jchat.deliveries", "room events queued for a member");
  private final Counter storeErrors = counter("jchat.store.errors", "requests the store could not take");
  private final Counter rateLimited = counter("jchat.rate.limited", "requests answered rate_limited");
  private final Counter authFailures = counter("jchat.auth.failures", "connection tokens refused");
  private final Timer ackLatency = Timer.builder("jchat.ack.latency")
      .description("from a chat:send's arrival to its ack, the store's commit included")
      .publishPercentileHistogram().register(registry);
  private final DistributionSummary batchSize = DistributionSummary.builder("jchat.store.batch.size")
      .description("messages per group-commit transaction").publishPercentileHistogram().register(registry);
  private final Map<CloseCode, Counter> closes = new ConcurrentHashMap<>();

  /** Reads the transport's open connections whenever it is scraped. */
  void countConnections(String transport, IntSupplier openConnections) {
    Gauge.builder("jchat.connections.open", openConnections::getAsInt).description("open client connections")
        .tag("transport", transport).register(registry);
  }

  /** Everything counted so far, in the Prometheus text format. */
  String scrape() {
    return registry.scrape();
  }

  @Override
  public void frameReceived() {
    framesIn.increment();
  }

  @Override
  public void framesWritten(int frames) {
    writes.increment();
    framesOut.increment(frames);
  }

  @Override
  public void messageStored(long ackNanos) {
    stored.increment();
    ackLatency.record(ackNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void delivered(int recipients) {
    deliveries.increment(recipients);
  }

  @Override
  public void batchStored(int messages) {
    batchSize.record(messages);
  }

  @Override
  public void storeFailed() {
    storeErrors.increment();
  }

  @Override
  public void rateLimited() {
    rateLimited.increment();
  }

  @Override
  public void authFailed() {
    authFailures.increment();
  }

  @Override
  public void closed(CloseCode code) {
    closes.computeIfAbsent(code, c -> Counter.builder("jchat.closes")
        .description("connections the server closed, by close code")
        .tag("code", Integer.toString(c.code())).register(registry)).increment();
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }
}
