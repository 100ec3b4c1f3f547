package dev.jchat.redis;

import dev.jchat.core.domain.User;
import dev.jchat.core.port.Presence;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Presence} for many instances. Per room, Redis keeps each online user's connection count
 * (over every instance) and name; per instance, the entries of its connections, so that survivors can
 * take a dead instance's connections out ({@link #sweep}) and tell the rooms who left with them. This
 * instance also keeps its own entries: while Redis is out of reach it answers from them, and once
 * Redis is back it writes them back ({@link #restore}).
 */
final class RedisPresence implements Presence, Heartbeat.Member {
  private static final Logger LOG = LoggerFactory.getLogger(RedisPresence.class);
  private static final Script JOIN = Script.load("presence-join", ScriptOutputType.INTEGER);
  private static final Script LEAVE = Script.load("presence-leave", ScriptOutputType.INTEGER);

  /** One connection in one room; written {@code room userId userName connectionId} (none has a space). */
  private record Entry(String room, User user, String connectionId) {
    static Entry parse(String written) {
      String[] parts = written.split(" ", 4);
      return new Entry(parts[0], new User(Long.parseLong(parts[1]), parts[2]), parts[3]);
    }

    String written() {
      return room + " " + user.id() + " " + user.name() + " " + connectionId;
    }
  }

  private final String instance;
  private final Keys keys;
  private final RedisCommands<String, String> redis;
  private final Set<Entry> local = ConcurrentHashMap.newKeySet();
  private final List<BiConsumer<String, User>> goneListeners = new CopyOnWriteArrayList<>();

  RedisPresence(String instance, Keys keys, RedisCommands<String, String> redis) {
    this.instance = instance;
    this.keys = keys;
    this.redis = redis;
  }

  @Override
  public boolean join(String room, User user, String connectionId) {
    Entry entry = new Entry(room, user, connectionId);
    local.add(entry);
    try {
      return run(JOIN, instance, entry);
    } catch (RedisException e) {
      LOG.warn("presence: Redis is out of reach, answering for this instance alone ({})", e.getMessage());
      return countHere(room, user) == 1;
    }
  }

  @Override
  public boolean leave(String room, User user, String connectionId) {
    Entry entry = new Entry(room, user, connectionId);
    boolean wasHere = local.remove(entry);
    try {
      return run(LEAVE, instance, entry);
    } catch (RedisException e) {
      LOG.warn("presence: Redis is out of reach, answering for this instance alone ({})", e.getMessage());
      return wasHere && countHere(room, user) == 0;
    }
  }

  @Override
  public List<User> online(String room) {
    try {
      return redis.hgetall(keys.names(room)).entrySet().stream()
          .map(named -> new User(Long.parseLong(named.getKey()), named.getValue()))
          .sorted(Comparator.comparingLong(User::id))
          .toList();
    } catch (RedisException e) {
      LOG.warn("presence: Redis is out of reach, listing this instance's users alone ({})", e.getMessage());
      return local.stream().filter(entry -> entry.room().equals(room)).map(Entry::user).distinct()
          .sorted(Comparator.comparingLong(User::id)).toList();
    }
  }

  @Override
  public void onGone(BiConsumer<String, User> gone) {
    goneListeners.add(gone);
  }

  @Override
  public void sweep(String deadInstance) {
    for (String written : redis.smembers(keys.connections(deadInstance))) {
      Entry entry = Entry.parse(written);
      if (run(LEAVE, deadInstance, entry)) {
        goneListeners.forEach(listener -> listener.accept(entry.room(), entry.user()));
      }
    }
  }

  @Override
  public void restore() {
    Set<Entry> inRedis = new HashSet<>();
    redis.smembers(keys.connections(instance)).forEach(written -> inRedis.add(Entry.parse(written)));
    Set<Entry> here = Set.copyOf(local);
    for (Entry entry : inRedis) {
      if (!here.contains(entry)) {
        run(LEAVE, instance, entry); // left while Redis was out of reach
      }
    }
    for (Entry entry : here) {
      if (!inRedis.contains(entry)) {
        run(JOIN, instance, entry);
      }
    }
  }

  private boolean run(Script script, String owner, Entry entry) {
    Long changed = script.run(redis, new String[] {keys.connections(owner), keys.online(entry.room()),
        keys.names(entry.room())}, entry.written(), Long.toString(entry.user().id()), entry.user().name());
    return changed == 1;
  }

  private long countHere(String room, User user) {
    return local.stream().filter(entry -> entry.room().equals(room) && entry.user().id() == user.id()).count();
  }
}
