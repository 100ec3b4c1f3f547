package dev.jchat.core.port;

import java.util.function.Consumer;

/**
 * Carries room events to every instance of the chat. Implementations: {@code LocalBroadcaster} for
 * one instance, Redis Pub/Sub for many. The frame is serialized once by the publisher.
 */
public interface Broadcaster {

  /**
   * Sends the event to every subscriber of every instance, this one included. Never blocks on a
   * socket. Events published from one thread reach each subscriber in the order published.
   */
  void publish(RoomEvent event);

  /** Sets the one listener that delivers events to this instance's connections. Called once, at start. */
  void subscribe(Consumer<RoomEvent> listener);
}
