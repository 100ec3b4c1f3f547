package dev.jchat.redis;

import dev.jchat.core.local.LocalLimits;
import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.Presence;
import dev.jchat.core.port.SharedLimits;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * This instance's link to the Redis that every instance of the chat shares, and the ports on it: the
 * {@link Broadcaster}, {@link Presence} and {@link SharedLimits}. Two connections: one for commands,
 * which fail at once while Redis is out of reach (the ports then serve this instance alone), and one
 * for Pub/Sub, whose subscriptions wait for the reconnect. Both reconnect by themselves, within a
 * couple of seconds of Redis coming back.
 */
public final class RedisLink implements AutoCloseable {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

  private final ClientResources resources;
  private final RedisClient commandClient;
  private final RedisClient pubSubClient;
  private final StatefulRedisConnection<String, String> commands;
  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final RedisBroadcaster broadcaster;
  private final RedisPresence presence;
  private final RedisLimits limits;
  private final Heartbeat heartbeat;

  private RedisLink(RedisSettings settings, Clock clock) {
    String instance = UUID.randomUUID().toString();
    Keys keys = new Keys(settings.prefix());
    RedisURI uri = RedisURI.create(settings.url());
    uri.setTimeout(COMMAND_TIMEOUT);
    resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
        .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
        .build();
    commandClient = client(uri, ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    pubSubClient = client(uri, ClientOptions.DisconnectedBehavior.DEFAULT);
    try {
      commands = commandClient.connect();
      pubSub = pubSubClient.connectPubSub();
    } catch (RedisException e) {
      close(commandClient, pubSubClient);
      throw new IllegalStateException("Redis at " + uri.getHost() + ":" + uri.getPort() + " is out of reach ("
          + e.getMessage() + "); check CHAT_REDIS_URL", e);
    }
    broadcaster = new RedisBroadcaster(instance, keys, commands, pubSub);
    presence = new RedisPresence(instance, keys, commands.sync());
    limits = new RedisLimits(instance, keys, commands.sync(), new LocalLimits(clock));
    heartbeat = new Heartbeat(instance, keys, commands, settings.beatInterval(), settings.instanceTtl(),
        List.of(presence, limits));
  }

  /** Connects to Redis and starts beating; fails when Redis does not answer. */
  public static RedisLink connect(RedisSettings settings, Clock clock) {
    return new RedisLink(settings, clock);
  }

  private RedisClient client(RedisURI uri, ClientOptions.DisconnectedBehavior whileDisconnected) {
    RedisClient client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(whileDisconnected)
        .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
        .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).keepAlive(true).build())
        .build());
    return client;
  }

  public Broadcaster broadcaster() {
    return broadcaster;
  }

  public Presence presence() {
    return presence;
  }

  public SharedLimits limits() {
    return limits;
  }

  /** Whether both connections to Redis are up now, for {@code /health}. */
  public boolean isUp() {
    return commands.isOpen() && pubSub.isOpen();
  }

  /** Stops beating and closes the connections; call after the chat has closed its connections. */
  @Override
  public void close() {
    heartbeat.close();
    close(commandClient, pubSubClient);
  }

  private void close(RedisClient... clients) {
    for (RedisClient client : clients) {
      client.shutdown(Duration.ZERO, COMMAND_TIMEOUT);
    }
    resources.shutdown(0, COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
