package dev.jchat.bench.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One thread and one selector: runs the socket I/O of many connections, their timers and the tasks
 * posted to it. Everything a connection does happens on its loop, so connections need no locks.
 * {@link #execute} may be called from any thread; {@link #schedule} only from the loop itself.
 */
public final class EventLoop implements AutoCloseable {
  private static final int READ_BUFFER_BYTES = 256 * 1024;

  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakeupPending = new AtomicBoolean();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
  private long timerSequence;
  private volatile boolean running = true;

  public EventLoop(String name) {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Called when a key that a connection registered becomes ready. */
  interface Ready {
    void ready(SelectionKey key);
  }

  private record Timer(long at, long sequence, Runnable task) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer other) {
      int byTime = Long.compare(at, other.at);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Runs {@code task} on the loop soon; safe from any thread. */
  public void execute(Runnable task) {
    tasks.add(task);
    if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
      selector.wakeup();
    }
  }

  /** Runs {@code task} on the loop at {@link System#nanoTime()} {@code atNanos} or soon after; loop only. */
  public void schedule(long atNanos, Runnable task) {
    if (!inLoop()) {
      execute(() -> schedule(atNanos, task));
      return;
    }
    timers.add(new Timer(atNanos, timerSequence++, task));
  }

  Selector selector() {
    return selector;
  }

  /** The loop's shared read buffer, used by one connection at a time. */
  ByteBuffer readBuffer() {
    return readBuffer;
  }

  private void run() {
    while (running) {
      try {
        long wait = waitMillis();
        if (wait == 0) {
          selector.selectNow();
        } else {
          selector.select(wait);
        }
        wakeupPending.set(false);
        var keys = selector.selectedKeys();
        for (SelectionKey key : keys) {
          ((Ready) key.attachment()).ready(key);
        }
        keys.clear();
        runTasks();
        runTimers();
      } catch (IOException | RuntimeException e) {
        // a failing connection reports itself; the loop carries on with the others
        System.err.println("event loop " + thread.getName() + ": " + e);
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private long waitMillis() {
    if (!tasks.isEmpty()) {
      return 0;
    }
    Timer next = timers.peek();
    if (next == null) {
      return 100;
    }
    long nanos = next.at() - System.nanoTime();
    if (nanos <= 0) {
      return 0;
    }
    return Math.max(1, Math.min(100, nanos / 1_000_000));
  }

  private void runTasks() {
    for (int i = 0, n = tasks.size(); i < n; i++) {
      Runnable task = tasks.poll();
      if (task == null) {
        return;
      }
      task.run();
    }
  }

  private void runTimers() {
    long now = System.nanoTime();
    while (!timers.isEmpty() && timers.peek().at() <= now) {
      timers.poll().task().run();
    }
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
  }
}
