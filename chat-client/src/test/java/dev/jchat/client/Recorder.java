package dev.jchat.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What a listener was told, in order, and a way to wait for it: never longer than the timeout. */
final class Recorder<T> {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final List<T> seen = new ArrayList<>();

  synchronized void add(T value) {
    seen.add(value);
    notifyAll();
  }

  synchronized List<T> all() {
    return List.copyOf(seen);
  }

  /** The first value that matches, once it came. */
  synchronized T await(Predicate<T> wanted, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      for (T value : seen) {
        if (wanted.test(value)) {
          return value;
        }
      }
      waitUntil(deadline, what);
    }
  }

  /** Everything, once at least {@code count} values came. */
  synchronized List<T> awaitCount(int count, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (seen.size() < count) {
      waitUntil(deadline, count + " " + what);
    }
    return all();
  }

  private void waitUntil(long deadline, String what) throws InterruptedException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new AssertionError("no " + what + " within " + TIMEOUT + "; seen " + seen);
    }
    wait(Math.max(1, left / 1_000_000));
  }
}
