package dev.jchat.core.port;

import java.util.function.Consumer;

/**
 * Carries room events to every instance of the chat, per room. Implementations: {@code
 * LocalBroadcaster} for one instance, Redis Pub/Sub for many. The frame is serialized once by the
 * publisher. An instance subscribes to a room when its first local member joins and cancels after the
 * last one leaves, so it hears only the rooms its connections are in. A broker may lose or reorder
 * events between instances; the messages' {@code seq} lets the listener notice and read the gap from
 * the store, so the broker is the fast path and the store the truth. Thread-safe.
 */
public interface Broadcaster {

  /**
   * Sends the event to every subscriber of its room on every instance, this one included. Never
   * blocks on a socket. Events published from one thread reach each subscriber in the order published.
   */
  void publish(RoomEvent event);

  /**
   * From the return of this call on, every event published to the room reaches the listener, on a
   * thread of the broadcaster's choosing, one event at a time. May block briefly (a broker round trip).
   */
  Subscription subscribe(String room, RoomListener listener);

  /** What an instance does with one room's events. */
  @FunctionalInterface
  interface RoomListener extends Consumer<RoomEvent> {
    /**
     * Events of the room may have been lost (the broker was cut off and is back): the listener reads
     * what it missed from the store. Called on a broadcaster thread; must not block.
     */
    default void resumed() {
    }
  }

  /** One listener's subscription to one room. */
  interface Subscription {
    /** Stops delivery to this listener; idempotent. */
    void cancel();
  }
}
