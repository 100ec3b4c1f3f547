package dev.jchat.core.port;

import java.util.function.Consumer;

/**
 * Carries room events to every instance of the chat, per room. Implementations: {@code
 * LocalBroadcaster} for one instance, Redis Pub/Sub for many. The frame is serialized once by the
 * publisher. An instance subscribes to a room when its first local member joins and cancels after the
 * last one leaves, so it hears only the rooms its connections are in. Thread-safe.
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
  Subscription subscribe(String room, Consumer<RoomEvent> listener);

  /**
   * Names to {@code resumed} each subscribed room whose events may have been lost (the broker was out
   * of reach) once its subscription works again: from that call on events come again, and the ones
   * missed are in the store. Called on a thread of the broadcaster's choosing. The default never
   * calls it: events published in one process are never lost.
   */
  default void onResumed(Consumer<String> resumed) {
  }

  /** One listener's subscription to one room. */
  interface Subscription {
    /** Stops delivery to this listener; idempotent. */
    void cancel();
  }
}
