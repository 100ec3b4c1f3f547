package dev.jchat.client;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs its tasks one at a time, in order, on threads of a shared pool: each room gets one, so a
 * listener that blocks holds up its own room and nothing else.
 */
final class SerialLane implements Executor {
  private static final System.Logger LOG = System.getLogger(SerialLane.class.getName());

  private final Executor pool;
  private final String name;
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private boolean running;

  SerialLane(Executor pool, String name) {
    this.pool = pool;
    this.name = name;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      tasks.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    pool.execute(this::runQueued);
  }

  private void runQueued() {
    while (true) {
      Runnable task;
      synchronized (this) {
        task = tasks.poll();
        if (task == null) {
          running = false;
          return;
        }
      }
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a listener of " + name + " threw", e);
      }
    }
  }
}
