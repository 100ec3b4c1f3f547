package dev.jchat.core.chat;

import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.RoomEvent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This instance's connections per room, and its subscription to each room that has one: taken when
 * the first local member joins, cancelled after the last one leaves. Thread-safe.
 */
final class RoomMembers {
  private record Room(Broadcaster.Subscription subscription, Set<ChatSession> sessions) {
  }

  private final Map<String, Room> byRoom = new ConcurrentHashMap<>();
  private final Broadcaster broadcaster;
  private final Function<String, Broadcaster.RoomListener> listenerFor;

  /** {@code listenerFor} makes this instance's listener to a room, when the room's first member joins. */
  RoomMembers(Broadcaster broadcaster, Function<String, Broadcaster.RoomListener> listenerFor) {
    this.broadcaster = broadcaster;
    this.listenerFor = listenerFor;
  }

  /**
   * Adds a member; from the return of this call on, the room's events reach the room's listener.
   * Throws what making the listener throws, and then adds nothing.
   */
  void add(String room, ChatSession session) {
    byRoom.compute(room, (name, members) -> {
      Room joined = members != null ? members
          : new Room(broadcaster.subscribe(name, listenerFor.apply(name)), ConcurrentHashMap.newKeySet());
      joined.sessions().add(session);
      return joined;
    });
  }

  void remove(String room, ChatSession session) {
    byRoom.computeIfPresent(room, (name, members) -> {
      members.sessions().remove(session);
      if (!members.sessions().isEmpty()) {
        return members;
      }
      members.subscription().cancel();
      return null;
    });
  }

  /**
   * Queues the same frame for every local member; adds those that got it to {@code queuedTo}, and
   * returns how many did.
   */
  int deliver(RoomEvent event, long sequence, Collection<ChatSession> queuedTo) {
    Room members = byRoom.get(event.room());
    int delivered = 0;
    if (members != null) {
      for (ChatSession session : members.sessions()) {
        if (session.deliver(event, sequence)) {
          queuedTo.add(session);
          delivered++;
        }
      }
    }
    return delivered;
  }
}
