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
 * its heap. A request that finds no slot within the wait is refused {@code unavailable}.
 */
final class HashingSlots {
  private final Semaphore slots;
  private final Duration wait;

  HashingSlots(int slots, Duration wait) {
    this.slots = new Semaphore(slots, true);
    this.wait = wait;
  }

  /** The hashing work's result, or {@code unavailable} when every slot stayed busy for the wait. */
  <T> Outcome<T> run(Supplier<Outcome<T>> work) {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      return Outcome.refused(ErrorCode.UNAVAILABLE, "the server is busy; try again in a moment");
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }
}
