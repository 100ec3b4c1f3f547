package dev.jchat.bench;

import dev.jchat.bench.client.BenchClient;
import dev.jchat.bench.client.StepStats;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Sends at a fixed total rate, spread evenly over the senders and in time, each sender on its own
 * loop. A sender that falls behind its schedule catches up, except beyond one second: those sends are
 * skipped and counted, so a saturated generator shows up in the figures instead of hiding.
 */
final class Pacer {
  private static final long MAX_CATCH_UP = TimeUnit.SECONDS.toNanos(1);

  private Pacer() {
  }

  /** The highest rate one connection keeps up without hitting the server's limit of 10 sends/s. */
  static final double MAX_RATE_PER_SENDER = 9.0;

  /** Senders needed for {@code rate} messages/s: at least {@code minimum}, at most {@code available}. */
  static int sendersFor(double rate, int minimum, int available) {
    int needed = (int) Math.ceil(rate / MAX_RATE_PER_SENDER);
    return Math.min(available, Math.max(minimum, needed));
  }

  /**
   * Schedules every send of one step and returns at once. Sends run from {@code start} until {@code end};
   * the latch opens when every sender has made its last, which may be a little after {@code end}.
   */
  static CountDownLatch schedule(List<BenchClient> senders, double rate, int step, StepStats stats, String padding,
                                 long start, long end) {
    long interval = (long) (senders.size() * 1e9 / rate);
    CountDownLatch done = new CountDownLatch(senders.size());
    for (int i = 0; i < senders.size(); i++) {
      BenchClient sender = senders.get(i);
      long first = start + (long) ((double) interval * i / senders.size());
      sender.loop().schedule(first, new Runnable() {
        private long next = first;

        @Override
        public void run() {
          long now = System.nanoTime();
          if (next >= end || !sender.isOpen()) {
            done.countDown();
            return;
          }
          long lag = now - next;
          if (lag > MAX_CATCH_UP) {
            long behind = lag / interval;
            stats.skipped(behind);
            next += behind * interval;
            lag = now - next;
          }
          sender.send(step, padding, lag);
          next += interval;
          if (next < end) {
            sender.loop().schedule(next, this);
          } else {
            done.countDown();
          }
        }
      });
    }
    return done;
  }
}
