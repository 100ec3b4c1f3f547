package dev.jchat.app;

import dev.jchat.core.local.LocalBroadcaster;
import dev.jchat.core.local.LocalLimits;
import dev.jchat.core.local.LocalPresence;
import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.Presence;
import dev.jchat.core.port.SharedLimits;
import dev.jchat.redis.RedisLink;
import dev.jchat.redis.RedisSettings;
import java.util.function.BooleanSupplier;

/**
 * What ties this instance to the others, or not: the broadcaster, presence and limits, in process for
 * an instance that stands alone, on Redis for many as one chat. {@code name} and {@code up} are what
 * {@code /health} says of it.
 */
record Broker(String name, Broadcaster broadcaster, Presence presence, SharedLimits limits, BooleanSupplier up,
              Runnable closer) {

  /** On Redis when {@code redis} is set, else in process. */
  static Broker start(RedisSettings redis, Clock clock) {
    if (redis == null) {
      return new Broker("local", new LocalBroadcaster(), new LocalPresence(), new LocalLimits(clock), () -> true,
          () -> { });
    }
    RedisLink link = RedisLink.connect(redis, clock);
    return new Broker("redis", link.broadcaster(), link.presence(), link.limits(), link::isUp, link::close);
  }

  /** Lets the others go; after the chat has closed its connections. */
  void close() {
    closer.run();
  }
}
