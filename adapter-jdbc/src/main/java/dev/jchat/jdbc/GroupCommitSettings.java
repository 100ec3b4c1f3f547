package dev.jchat.jdbc;

import java.time.Duration;

/**
 * How the message writer batches appends: up to {@code maxBatchSize} messages per transaction,
 * waiting at most {@code maxWait} for more once the first has arrived; at most {@code queueCapacity}
 * appends wait, beyond that an append fails at once.
 */
public record GroupCommitSettings(int maxBatchSize, Duration maxWait, int queueCapacity) {
  private static final int BATCH_SIZE = 256;
  private static final int QUEUE_CAPACITY = 10_000;

  public GroupCommitSettings {
    if (maxBatchSize < 1 || maxWait.isNegative() || queueCapacity < maxBatchSize) {
      throw new IllegalArgumentException(
          "invalid group commit settings: " + maxBatchSize + ", " + maxWait + ", " + queueCapacity);
    }
  }

  /**
   * Up to 256 messages per transaction, without waiting: whatever queued up while the previous batch
   * was written goes into the next. In StoreBenchmark a wait of 2 ms (or 0.5 ms) for more lowered the
   * throughput of 50 senders by 10 to 50 % and added its length to every ack, without a steady gain in
   * tail latency: while the writer waits, nothing is written.
   */
  public static GroupCommitSettings defaults() {
    return new GroupCommitSettings(BATCH_SIZE, Duration.ZERO, QUEUE_CAPACITY);
  }

  /** As {@link #defaults()}, but waiting up to {@code maxWait} for more once a batch has begun. */
  public static GroupCommitSettings waitingUpTo(Duration maxWait) {
    return new GroupCommitSettings(BATCH_SIZE, maxWait, QUEUE_CAPACITY);
  }

  /** One message per transaction, as a baseline for the benchmark. */
  public static GroupCommitSettings batchesOfOne() {
    return new GroupCommitSettings(1, Duration.ZERO, QUEUE_CAPACITY);
  }
}
