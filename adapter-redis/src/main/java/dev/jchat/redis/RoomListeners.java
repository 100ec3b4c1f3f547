package dev.jchat.redis;

import dev.jchat.core.port.Broadcaster.RoomListener;
import dev.jchat.core.port.RoomEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * This instance's listeners of one room. Events from the publishing threads here and from Redis are
 * handed over one at a time, so each listener sees the room's events in one order.
 */
final class RoomListeners {
  private final List<RoomListener> listeners = new CopyOnWriteArrayList<>();

  void add(RoomListener listener) {
    listeners.add(listener);
  }

  /** Removes the listener; true when none is left. */
  boolean remove(RoomListener listener) {
    listeners.remove(listener);
    return listeners.isEmpty();
  }

  synchronized void deliver(RoomEvent event) {
    listeners.forEach(listener -> listener.accept(event));
  }

  /** Events may have been lost: the listeners read them from the store. */
  synchronized void resumed() {
    listeners.forEach(RoomListener::resumed);
  }
}
