package dev.jchat.javalin;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Counts open sockets, so that a stop can wait for their close handshakes before Jetty goes. */
final class OpenSockets {
  private int open;

  synchronized void opened() {
    open++;
  }

  synchronized void closed() {
    open--;
    if (open == 0) {
      notifyAll();
    }
  }

  /** Returns once every socket has closed, or when the timeout has passed. */
  synchronized void awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }
}
