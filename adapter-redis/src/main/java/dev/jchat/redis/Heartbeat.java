package dev.jchat.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance counted alive and clears up after dead ones. Every beat interval it writes its
 * time (the server's) into the set of instances, then takes out those that have not beaten for the
 * TTL (killed, or cut off from Redis) and has its {@link Member}s sweep what each of them held: the
 * taking is atomic, so exactly one survivor sweeps each. When a beat finds this instance missing from
 * the set (it was counted dead, or Redis lost its data) or Redis was out of reach, the members write
 * back what this instance holds; so do they after the connection to Redis dropped, since what was
 * done meanwhile was done here alone.
 */
final class Heartbeat implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
  private static final Script BEAT = Script.load("beat", ScriptOutputType.INTEGER);
  private static final Script CLAIM_DEAD = Script.load("claim-dead", ScriptOutputType.MULTI);

  /** What an instance holds in Redis on behalf of its connections. */
  interface Member {
    /** Frees what the dead instance held. */
    void sweep(String deadInstance);

    /** Makes Redis hold again exactly what this instance holds. */
    void restore();
  }

  private final String instance;
  private final Keys keys;
  private final RedisCommands<String, String> redis;
  private final Duration ttl;
  private final List<Member> members;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "jchat-redis-heartbeat");
    thread.setDaemon(true);
    return thread;
  });
  /** Set when the connection drops or a beat fails; the next beat that works restores. */
  private volatile boolean cutOff;

  /** Beats once now (Redis must answer), then every {@code interval}. */
  Heartbeat(String instance, Keys keys, StatefulRedisConnection<String, String> connection, Duration interval,
            Duration ttl, List<Member> members) {
    this.instance = instance;
    this.keys = keys;
    this.redis = connection.sync();
    this.ttl = ttl;
    this.members = members;
    beat();
    connection.addListener(new RedisConnectionStateListener() {
      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
        cutOff = true;
      }
    });
    timer.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True when this instance was missing from the set of instances. */
  private boolean beat() {
    Long added = BEAT.run(redis, new String[] {keys.instances()}, instance);
    return added == 1;
  }

  private void tick() {
    try {
      boolean restore = cutOff;
      cutOff = false;
      if (beat() || restore) {
        LOG.info("instance {} writes back its presence and places in Redis", instance);
        members.forEach(Member::restore);
      }
      List<String> dead = CLAIM_DEAD.run(redis, new String[] {keys.instances()}, Long.toString(ttl.toMillis()));
      for (String other : dead) {
        if (!other.equals(instance)) { // late here, yet alive: the next beat writes it back
          LOG.info("instance {} stopped beating; its connections leave", other);
          members.forEach(member -> member.sweep(other));
        }
      }
    } catch (RedisException e) {
      cutOff = true;
      LOG.warn("heartbeat: Redis is out of reach ({})", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("heartbeat failed", e);
    }
  }

  /** Stops beating; the instance leaves the set when it holds nothing more, else the others sweep it. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS); // a beat under way ends before the connection closes
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (redis.exists(keys.connections(instance), keys.holdings(instance)) == 0) {
        redis.zrem(keys.instances(), instance);
      }
    } catch (RedisException e) {
      LOG.debug("could not leave the set of instances: {}", e.getMessage());
    }
  }
}
