package dev.jchat.core.account;

import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Outcome;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many password hashes run at once. Each Argon2id hash takes a core for about 100 ms and
 * 19 MiB of memory: a flood of registrations or logins would otherwise take the whole machine and
 * its heap. As many requests as there are slots may wait for one, at most {@code wait}; the others,
 * and those that wait in vain, are refused {@code unavailable}. So a flood holds at most twice the
 * slots of the server's request threads, and the rest of the API keeps answering.
 */
final class HashingSlots {
  private static final Outcome<?> BUSY =
      Outcome.refused(ErrorCode.UNAVAILABLE, "the server is busy; try again in a moment");

  private final Semaphore slots;
  private final int maxWaiting;
  private final Duration wait;

  HashingSlots(int slots, Duration wait) {
    this.slots = new Semaphore(slots, true);
    this.maxWaiting = slots;
    this.wait = wait;
  }

  /** The hashing work's result, or {@code unavailable} when no slot is to be had in time. */
  @SuppressWarnings("unchecked")
  <T> Outcome<T> run(Supplier<Outcome<T>> work) {
    if (!slots.tryAcquire() && !awaitSlot()) {
      return (Outcome<T>) BUSY;
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }

  /** Waits for a slot, unless enough requests wait already; true with a slot taken. */
  private boolean awaitSlot() {
    if (slots.getQueueLength() >= maxWaiting) {
      return false;
    }
    try {
      return slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
