package dev.jchat.core.chat;

import dev.jchat.core.port.RoomEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** This instance's connections per room; delivers room events to them. Thread-safe. */
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

  /** Hands the same frame to every local member; never waits on a socket. */
  void deliver(RoomEvent event) {
    Set<ChatSession> sessions = byRoom.get(event.room());
    if (sessions != null) {
      sessions.forEach(session -> session.deliver(event));
    }
  }
}
