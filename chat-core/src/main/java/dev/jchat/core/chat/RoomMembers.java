package dev.jchat.core.chat;

import dev.jchat.core.port.RoomEvent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** This instance's connections per room. Thread-safe. */
final class RoomMembers {
  private final Map<String, Set<ChatSession>> byRoom = new ConcurrentHashMap<>();

  void add(String room, ChatSession session) {
    byRoom.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
  }

  void remove(String room, ChatSession session) {
    byRoom.computeIfPresent(room, (r, sessions) -> {
      sessions.remove(session);
      return sessions.isEmpty() ? null : sessions;
    });
  }

  /** Queues the same frame for every local member; adds those that got it to {@code queuedTo}. */
  void deliver(RoomEvent event, long sequence, Collection<ChatSession> queuedTo) {
    Set<ChatSession> sessions = byRoom.get(event.room());
    if (sessions != null) {
      for (ChatSession session : sessions) {
        if (session.deliver(event, sequence)) {
          queuedTo.add(session);
        }
      }
    }
  }
}
