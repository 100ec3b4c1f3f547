package dev.jchat.core.local;

import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.MessageStore;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Messages in memory, for tests and for applications that embed the core without a database. One
 * lock orders everything, and callbacks run under it, which gives the id-order guarantee of the port.
 */
public final class InMemoryMessageStore implements MessageStore {
  private record Key(long userId, String clientMsgId) {
  }

  private final Clock clock;
  private final Map<String, TreeMap<Long, Message>> rooms = new LinkedHashMap<>();
  private final Map<Key, Message> byClientMsgId = new HashMap<>();
  private long lastId;

  public InMemoryMessageStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void append(NewMessage message, AppendCallback done) {
    Key key = message.clientMsgId() == null ? null : new Key(message.author().id(), message.clientMsgId());
    Message earlier = key == null ? null : byClientMsgId.get(key);
    if (earlier != null) {
      done.stored(earlier, false);
      return;
    }
    TreeMap<Long, Message> room = roomOf(message.room());
    Message stored = new Message(++lastId, room.size() + 1, message.room(), message.author().id(), message.author().name(),
        message.text(), clock.now().truncatedTo(ChronoUnit.MILLIS), message.clientMsgId());
    room.put(stored.id(), stored);
    if (key != null) {
      byClientMsgId.put(key, stored);
    }
    done.stored(stored, true);
  }

  @Override
  public synchronized HistoryPage before(String room, Long beforeId, int limit) {
    TreeMap<Long, Message> messages = rooms.getOrDefault(room, new TreeMap<>());
    var older = beforeId == null ? messages.descendingMap() : messages.headMap(beforeId, false).descendingMap();
    List<Message> page = new ArrayList<>(older.values().stream().limit(limit).toList());
    java.util.Collections.reverse(page);
    return new HistoryPage(page, older.size() > limit);
  }

  @Override
  public synchronized HistoryPage after(String room, long afterId, int limit) {
    var newer = rooms.getOrDefault(room, new TreeMap<>()).tailMap(afterId, false);
    return new HistoryPage(newer.values().stream().limit(limit).toList(), newer.size() > limit);
  }

  @Override
  public synchronized void createRoom(String room) {
    roomOf(room);
  }

  @Override
  public synchronized Map<String, Long> rooms() {
    Map<String, Long> summary = new LinkedHashMap<>();
    rooms.forEach((room, messages) -> summary.put(room, messages.isEmpty() ? null : messages.lastKey()));
    return summary;
  }

  private TreeMap<Long, Message> roomOf(String room) {
    return rooms.computeIfAbsent(room, r -> new TreeMap<>());
  }
}
