package dev.jchat.core.local;

import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.RoomEvent;
import java.util.function.Consumer;

/** One instance: publishing is delivering, on the publisher's thread (which only fills outboxes). */
public final class LocalBroadcaster implements Broadcaster {
  private volatile Consumer<RoomEvent> listener = event -> { };

  @Override
  public void publish(RoomEvent event) {
    listener.accept(event);
  }

  @Override
  public void subscribe(Consumer<RoomEvent> listener) {
    this.listener = listener;
  }
}
