package dev.jchat.core.chat;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** An executor of one daemon thread, started when work comes and ended after a second without any. */
final class LazyThread {
  private LazyThread() {
  }

  /** Nothing to shut down: an idle one holds no thread, and a busy one does not keep the JVM alive. */
  static Executor named(String name) {
    return new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    });
  }
}
