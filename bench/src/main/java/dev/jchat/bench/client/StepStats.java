package dev.jchat.bench.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one step of a scenario measured. Every message carries its step, so a delivery that arrives
 * after the step ended still counts for the step that sent it. Latencies are recorded in
 * microseconds; every method is safe from any thread.
 */
public final class StepStats {
  private final Recorder latency = new Recorder(3);
  private final Recorder ackLatency = new Recorder(3);
  private final Recorder sendLag = new Recorder(3);
  private final LongAdder sent = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder acked = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder outOfOrder = new LongAdder();
  private final LongAdder closed = new LongAdder();
  private final LongAdder skippedSends = new LongAdder();
  private Histogram latencyHistogram;
  private Histogram ackHistogram;
  private Histogram lagHistogram;

  void sent(long lagNanos) {
    sent.increment();
    sendLag.recordValue(micros(lagNanos));
  }

  void delivered(long latencyNanos) {
    delivered.increment();
    latency.recordValue(micros(latencyNanos));
  }

  void acked(long latencyNanos) {
    acked.increment();
    ackLatency.recordValue(micros(latencyNanos));
  }

  void countError() {
    errors.increment();
  }

  void countOutOfOrder() {
    outOfOrder.increment();
  }

  void countClosed() {
    closed.increment();
  }

  /** Sends the pacer left out because the generator fell more than a second behind. */
  public void skipped(long count) {
    skippedSends.add(count);
  }

  private static long micros(long nanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
  }

  public long sent() {
    return sent.sum();
  }

  public long delivered() {
    return delivered.sum();
  }

  public long acked() {
    return acked.sum();
  }

  public long errors() {
    return errors.sum();
  }

  public long outOfOrder() {
    return outOfOrder.sum();
  }

  public long closed() {
    return closed.sum();
  }

  public long skippedSends() {
    return skippedSends.sum();
  }

  /** Freezes the histograms; call once when the step's deliveries are in. */
  public synchronized void freeze() {
    if (latencyHistogram == null) {
      latencyHistogram = latency.getIntervalHistogram();
      ackHistogram = ackLatency.getIntervalHistogram();
      lagHistogram = sendLag.getIntervalHistogram();
    }
  }

  public synchronized Histogram latency() {
    freeze();
    return latencyHistogram;
  }

  public synchronized Histogram ackLatency() {
    freeze();
    return ackHistogram;
  }

  public synchronized Histogram sendLag() {
    freeze();
    return lagHistogram;
  }
}
