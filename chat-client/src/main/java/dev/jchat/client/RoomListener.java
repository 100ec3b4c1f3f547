package dev.jchat.client;

/**
 * What happens in one joined room. Called on the room's own delivery lane: one call at a time, in
 * order, never on the socket's thread. A listener that blocks holds up only its own room.
 */
@FunctionalInterface
public interface RoomListener {
  /** Each message exactly once, in {@code seq} order, the recent history on joining included. */
  void onMessage(Message message);

  default void onPresence(Presence presence) {
  }

  default void onTyping(Typing typing) {
  }
}
