package dev.jchat.core.port;

import dev.jchat.core.domain.User;
import java.util.List;

/**
 * Who is online in which room, counted per user across that user's connections (on every instance).
 * May be called concurrently.
 */
public interface Presence {

  /** Adds a connection; true when it is the user's first connection in the room. */
  boolean join(String room, User user, String connectionId);

  /** Removes a connection; true when it was the user's last connection in the room. */
  boolean leave(String room, User user, String connectionId);

  /** The distinct users online in the room. */
  List<User> online(String room);
}
