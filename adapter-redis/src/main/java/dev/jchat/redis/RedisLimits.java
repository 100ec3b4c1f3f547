package dev.jchat.redis;

import dev.jchat.core.local.LocalLimits;
import dev.jchat.core.port.SharedLimits;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SharedLimits} for many instances, each count one Redis key changed atomically: places by a
 * script that checks the cap and counts the place against this instance too (so survivors give back a
 * dead instance's places, {@link #sweep}), attempts in a sorted set by the server's time, claims by
 * {@code SET NX PX}. While Redis is out of reach the limits hold per instance ({@link LocalLimits}), and
 * once it is back this instance writes back its places ({@link #restore}).
 */
final class RedisLimits implements SharedLimits, Heartbeat.Member {
  private static final Logger LOG = LoggerFactory.getLogger(RedisLimits.class);
  private static final Script ACQUIRE = Script.load("acquire", ScriptOutputType.INTEGER);
  private static final Script RELEASE = Script.load("release", ScriptOutputType.INTEGER);
  private static final Script RECORD = Script.load("record", ScriptOutputType.INTEGER);
  private static final Script ATTEMPTS = Script.load("attempts", ScriptOutputType.INTEGER);
  private static final String NO_CAP = Integer.toString(Integer.MAX_VALUE);

  private final String instance;
  private final Keys keys;
  private final RedisCommands<String, String> redis;
  private final LocalLimits fallback;
  /** The places this instance holds in Redis, by Redis key. */
  private final Map<String, Integer> held = new HashMap<>();
  private final AtomicLong attemptNumbers = new AtomicLong();

  RedisLimits(String instance, Keys keys, RedisCommands<String, String> redis, LocalLimits fallback) {
    this.instance = instance;
    this.keys = keys;
    this.redis = redis;
    this.fallback = fallback;
  }

  @Override
  public boolean acquire(String key, int cap) {
    String redisKey = keys.limit(key);
    try {
      synchronized (held) {
        boolean taken = ACQUIRE.<Long>run(redis, placeKeys(redisKey, instance), Integer.toString(cap)) == 1;
        if (taken) {
          held.merge(redisKey, 1, Integer::sum);
        }
        return taken;
      }
    } catch (RedisException e) {
      warn(e);
      return fallback.acquire(key, cap);
    }
  }

  @Override
  public void release(String key) {
    String redisKey = keys.limit(key);
    synchronized (held) {
      Integer count = held.get(redisKey);
      if (count == null) { // taken while Redis was out of reach
        fallback.release(key);
        return;
      }
      if (count == 1) {
        held.remove(redisKey);
      } else {
        held.put(redisKey, count - 1);
      }
    }
    try {
      RELEASE.run(redis, placeKeys(redisKey, instance), "1");
    } catch (RedisException e) {
      warn(e); // the place stays taken in Redis until the restore after the outage
    }
  }

  @Override
  public void record(String key, Duration window) {
    try {
      RECORD.run(redis, new String[] {keys.limit(key)}, Long.toString(window.toMillis()),
          instance + ":" + attemptNumbers.incrementAndGet());
    } catch (RedisException e) {
      warn(e);
      fallback.record(key, window);
    }
  }

  @Override
  public int attempts(String key, Duration window) {
    try {
      return ATTEMPTS.<Long>run(redis, new String[] {keys.limit(key)}, Long.toString(window.toMillis())).intValue();
    } catch (RedisException e) {
      warn(e);
      return fallback.attempts(key, window);
    }
  }

  @Override
  public boolean claim(String key, Duration window) {
    try {
      return "OK".equals(redis.set(keys.limit(key), instance, SetArgs.Builder.nx().px(window.toMillis())));
    } catch (RedisException e) {
      warn(e);
      return fallback.claim(key, window);
    }
  }

  @Override
  public void clear(String key) {
    try {
      redis.del(keys.limit(key));
    } catch (RedisException e) {
      warn(e);
      fallback.clear(key);
    }
  }

  @Override
  public void sweep(String deadInstance) {
    redis.hgetall(keys.holdings(deadInstance)).forEach((redisKey, count) ->
        RELEASE.run(redis, placeKeys(redisKey, deadInstance), count));
  }

  @Override
  public void restore() {
    synchronized (held) {
      Map<String, String> inRedis = redis.hgetall(keys.holdings(instance));
      for (Map.Entry<String, String> place : inRedis.entrySet()) {
        int extra = Integer.parseInt(place.getValue()) - held.getOrDefault(place.getKey(), 0);
        if (extra > 0) {
          RELEASE.run(redis, placeKeys(place.getKey(), instance), Integer.toString(extra));
        }
      }
      held.forEach((redisKey, count) -> {
        int missing = count - Integer.parseInt(inRedis.getOrDefault(redisKey, "0"));
        for (int i = 0; i < missing; i++) {
          ACQUIRE.run(redis, placeKeys(redisKey, instance), NO_CAP);
        }
      });
    }
  }

  private String[] placeKeys(String redisKey, String owner) {
    return new String[] {redisKey, keys.holdings(owner)};
  }

  private static void warn(RedisException e) {
    LOG.warn("limits: Redis is out of reach, counting in this instance alone ({})", e.getMessage());
  }
}
