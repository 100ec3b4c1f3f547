package dev.jchat.core.local;

import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.RoomEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One instance (or several chats in one JVM): publishing is delivering, on the publisher's thread,
 * to the room's listeners (which only queue the event for their fan-out).
 */
public final class LocalBroadcaster implements Broadcaster {
  private final Map<String, List<Consumer<RoomEvent>>> listeners = new ConcurrentHashMap<>();

  @Override
  public void publish(RoomEvent event) {
    List<Consumer<RoomEvent>> room = listeners.get(event.room());
    if (room != null) {
      room.forEach(listener -> listener.accept(event));
    }
  }

  @Override
  public Subscription subscribe(String room, Consumer<RoomEvent> listener) {
    listeners.compute(room, (name, current) -> {
      List<Consumer<RoomEvent>> updated = current != null ? current : new CopyOnWriteArrayList<>();
      updated.add(listener);
      return updated;
    });
    return () -> listeners.computeIfPresent(room, (name, current) -> {
      current.remove(listener);
      return current.isEmpty() ? null : current;
    });
  }
}
