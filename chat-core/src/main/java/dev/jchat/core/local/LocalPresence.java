package dev.jchat.core.local;

import dev.jchat.core.domain.User;
import dev.jchat.core.port.Presence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Presence for one instance: per room, each online user with the ids of their connections. */
public final class LocalPresence implements Presence {
  private final Map<String, Map<Long, Online>> rooms = new HashMap<>();

  private record Online(User user, Set<String> connections) {
  }

  @Override
  public synchronized boolean join(String room, User user, String connectionId) {
    Map<Long, Online> users = rooms.computeIfAbsent(room, r -> new LinkedHashMap<>());
    Online online = users.computeIfAbsent(user.id(), id -> new Online(user, new HashSet<>()));
    online.connections().add(connectionId);
    return online.connections().size() == 1;
  }

  @Override
  public synchronized boolean leave(String room, User user, String connectionId) {
    Map<Long, Online> users = rooms.get(room);
    Online online = users == null ? null : users.get(user.id());
    if (online == null || !online.connections().remove(connectionId) || !online.connections().isEmpty()) {
      return false;
    }
    users.remove(user.id());
    if (users.isEmpty()) {
      rooms.remove(room);
    }
    return true;
  }

  @Override
  public synchronized List<User> online(String room) {
    List<User> users = new ArrayList<>();
    rooms.getOrDefault(room, Map.of()).values().forEach(online -> users.add(online.user()));
    return users;
  }
}
