package dev.jchat.core.testing;

import dev.jchat.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock that moves only when a test says so, running due timers in order on the test's thread. */
public final class FakeClock implements Clock {
  private Instant now;
  private final List<Scheduled> timers = new ArrayList<>();
  private long sequence;

  private final class Scheduled implements Timer {
    final Instant due;
    final long order = sequence++;
    final Runnable task;
    boolean cancelled;

    Scheduled(Instant due, Runnable task) {
      this.due = due;
      this.task = task;
    }

    @Override
    public void cancel() {
      synchronized (FakeClock.this) {
        cancelled = true;
        timers.remove(this);
      }
    }
  }

  public FakeClock() {
    this(Instant.parse("2026-11-28T12:00:00Z"));
  }

  public FakeClock(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  /** Nanoseconds since the epoch of the fake time, so intervals follow {@link #advance}. */
  @Override
  public synchronized long nanoTime() {
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public synchronized Timer schedule(Duration delay, Runnable task) {
    Scheduled timer = new Scheduled(now.plus(delay), task);
    timers.add(timer);
    return timer;
  }

  /** Moves time forward, running every timer that falls due, including ones those timers schedule. */
  public void advance(Duration duration) {
    Instant target;
    synchronized (this) {
      target = now.plus(duration);
    }
    while (true) {
      Scheduled next;
      synchronized (this) {
        next = timers.stream()
            .filter(t -> !t.due.isAfter(target))
            .min(Comparator.comparing((Scheduled t) -> t.due).thenComparingLong(t -> t.order))
            .orElse(null);
        if (next == null) {
          now = target;
          return;
        }
        timers.remove(next);
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      next.task.run();
    }
  }

  /** Runs timers due now (those scheduled with no delay). */
  public void runDue() {
    advance(Duration.ZERO);
  }
}
