package dev.jchat.redis;

import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.RoomEvent;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Broadcaster} of many instances on Redis Pub/Sub: a channel per room, which an instance
 * subscribes to while it has listeners in the room. An event goes to this instance's listeners at
 * once, on the publishing thread (so local delivery goes on while Redis is out of reach), and to the
 * others by one PUBLISH carrying the frame as encoded; each instance skips its own events when Redis
 * hands them back. The publisher never waits for Redis.
 *
 * <p>After the Pub/Sub connection drops, Lettuce reconnects and subscribes again to every channel; as
 * each subscription is confirmed, the room's listeners are told ({@link RoomListener#resumed}) and
 * read what was missed from the store.
 */
final class RedisBroadcaster implements Broadcaster {
  private static final Logger LOG = LoggerFactory.getLogger(RedisBroadcaster.class);
  /** How long a first subscription to a room may wait for Redis; past that it completes on reconnect. */
  private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(2);

  private final String instance;
  private final Keys keys;
  private final StatefulRedisConnection<String, String> commands;
  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final Map<String, RoomListeners> rooms = new ConcurrentHashMap<>();
  /** Subscribed rooms whose subscription Redis has not confirmed again since the connection last dropped. */
  private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();
  /** Held while a room's listeners and its Redis subscription change, so SUBSCRIBE and UNSUBSCRIBE keep their order. */
  private final Object subscriptions = new Object();

  RedisBroadcaster(String instance, Keys keys, StatefulRedisConnection<String, String> commands,
                   StatefulRedisPubSubConnection<String, String> pubSub) {
    this.instance = instance;
    this.keys = keys;
    this.commands = commands;
    this.pubSub = pubSub;
    pubSub.addListener(new Messages());
    pubSub.addListener(new RedisConnectionStateListener() {
      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
        unconfirmed.addAll(rooms.keySet());
      }
    });
  }

  @Override
  public void publish(RoomEvent event) {
    RoomListeners local = rooms.get(event.room());
    if (local != null) {
      local.deliver(event);
    }
    commands.async().publish(keys.channel(event.room()), EventPayload.encode(instance, event))
        .exceptionally(failure -> {
          LOG.debug("an event of room {} reached no other instance: {}", event.room(), failure.toString());
          return null;
        });
  }

  @Override
  public Subscription subscribe(String room, RoomListener listener) {
    synchronized (subscriptions) {
      RoomListeners listeners = rooms.get(room);
      if (listeners == null) {
        listeners = new RoomListeners();
        rooms.put(room, listeners);
        RedisFuture<Void> subscribed = pubSub.async().subscribe(keys.channel(room));
        if (!confirmedSoon(room, subscribed)) {
          // events of other instances until the late confirmation are only in the store
          subscribed.thenRun(() -> resumed(room));
        }
      }
      listeners.add(listener);
    }
    return () -> cancel(room, listener);
  }

  private void cancel(String room, RoomListener listener) {
    synchronized (subscriptions) {
      RoomListeners listeners = rooms.get(room);
      if (listeners != null && listeners.remove(listener)) {
        rooms.remove(room);
        unconfirmed.remove(room);
        pubSub.async().unsubscribe(keys.channel(room));
      }
    }
  }

  /**
   * Waits a little for Redis to confirm a subscription; false when it did not, and the room is served
   * locally until Lettuce gets the subscription through after a reconnect.
   */
  private boolean confirmedSoon(String room, Future<Void> subscribed) {
    try {
      subscribed.get(SUBSCRIBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("room {} is not subscribed on Redis yet ({}); its events from other instances come once it is",
          room, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private void resumed(String room) {
    RoomListeners listeners = rooms.get(room);
    if (listeners != null) {
      listeners.resumed();
    }
  }

  /** What comes in on the Pub/Sub connection, on Lettuce's event loop. */
  private final class Messages extends RedisPubSubAdapter<String, String> {
    @Override
    public void message(String channel, String payload) {
      String room = keys.roomOf(channel);
      EventPayload.Received received;
      try {
        received = EventPayload.decode(room, payload);
      } catch (IllegalArgumentException e) {
        LOG.warn("an unreadable event on channel {} was dropped: {}", channel, e.getMessage());
        return;
      }
      RoomListeners listeners = rooms.get(room);
      if (listeners != null && !received.origin().equals(instance)) {
        listeners.deliver(received.event());
      }
    }

    @Override
    public void subscribed(String channel, long count) {
      String room = keys.roomOf(channel);
      if (unconfirmed.remove(room)) {
        resumed(room);
      }
    }
  }
}
