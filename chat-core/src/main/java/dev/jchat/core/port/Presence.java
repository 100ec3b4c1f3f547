package dev.jchat.core.port;

import dev.jchat.core.domain.User;
import java.util.List;
import java.util.function.BiConsumer;

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

  /**
   * Calls {@code gone} with each room and user that went offline without a {@link #leave}: their last
   * connections were on an instance that stopped without cleaning up, noticed when its heartbeat ran
   * out. Each departure reaches one instance of the deployment, which tells the room. The default never
   * calls it: presence that lives in one instance dies with it.
   */
  default void onGone(BiConsumer<String, User> gone) {
  }
}
