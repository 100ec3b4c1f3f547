package dev.jchat.socketio;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Engine.IO's heartbeat, which the server drives: a ping every ping interval, and the session ends when
 * its pong has not come within the ping timeout. It replaces the native protocol's WebSocket pings and
 * idle close; every pong is also a sign of life for the core. Thread-safe.
 */
final class Heartbeat {
  private final Scheduler scheduler;
  private final EngineIoSettings settings;
  private final Runnable ping;
  private final Runnable timedOut;
  private Scheduler.Task next;
  private boolean stopped;

  Heartbeat(Scheduler scheduler, EngineIoSettings settings, Runnable ping, Runnable timedOut) {
    this.scheduler = scheduler;
    this.settings = settings;
    this.ping = ping;
    this.timedOut = timedOut;
  }

  /** The first ping comes one interval from now. */
  synchronized void start() {
    schedule(this::pingNow, settings.pingInterval().toMillis());
  }

  /** The pong came: the next ping comes one interval from now. */
  synchronized void pong() {
    start();
  }

  synchronized void stop() {
    stopped = true;
    if (next != null) {
      next.cancel();
    }
  }

  private void pingNow() {
    synchronized (this) {
      schedule(timedOut, settings.pingTimeout().toMillis());
    }
    ping.run();
  }

  private void schedule(Runnable task, long delayMillis) {
    if (stopped) {
      return;
    }
    if (next != null) {
      next.cancel();
    }
    next = scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
  }
}
