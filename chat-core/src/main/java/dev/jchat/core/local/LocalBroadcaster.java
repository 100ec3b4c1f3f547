package dev.jchat.core.local;

import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.RoomEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One instance (or several chats in one JVM): publishing is delivering, on the publisher's thread,
 * to the room's listeners (which only queue the event for their fan-out).
 */
public final class LocalBroadcaster implements Broadcaster {
  private final Map<String, List<RoomListener>> listeners = new ConcurrentHashMap<>();

  @Override
  public void publish(RoomEvent event) {
    List<RoomListener> room = listeners.get(event.room());
    if (room != null) {
      room.forEach(listener -> listener.accept(event));
    }
  }

  @Override
  public Subscription subscribe(String room, RoomListener listener) {
    listeners.compute(room, (name, current) -> {
      List<RoomListener> updated = current != null ? current : new CopyOnWriteArrayList<>();
      updated.add(listener);
      return updated;
    });
    return () -> listeners.computeIfPresent(room, (name, current) -> {
      current.remove(listener);
      return current.isEmpty() ? null : current;
    });
  }
}
