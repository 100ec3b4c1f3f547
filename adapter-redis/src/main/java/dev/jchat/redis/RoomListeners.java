package dev.jchat.redis;

import dev.jchat.core.port.RoomEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * This instance's listeners of one room. Events from the publishing threads here and from Redis are
 * handed over one at a time, so each listener sees the room's events in one order.
 */
final class RoomListeners {
  private final List<Consumer<RoomEvent>> listeners = new CopyOnWriteArrayList<>();

  void add(Consumer<RoomEvent> listener) {
    listeners.add(listener);
  }

  /** Removes the listener; true when none is left. */
  boolean remove(Consumer<RoomEvent> listener) {
    listeners.remove(listener);
    return listeners.isEmpty();
  }

  synchronized void deliver(RoomEvent event) {
    listeners.forEach(listener -> listener.accept(event));
  }
}
