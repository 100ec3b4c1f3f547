package dev.jchat.client;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends not yet confirmed, in the order they were made. Each keeps its {@code clientMsgId} for good,
 * so sending it again after a reconnect stores it once. A send is confirmed when its message comes
 * back in the room's stream, which also tells its {@code seq}.
 */
final class Outbox {
  /** One send. {@code written}: on the current connection, so not to be written again. */
  static final class Entry {
    final String room;
    final String text;
    final String clientMsgId = UUID.randomUUID().toString();
    final CompletableFuture<SentMessage> result = new CompletableFuture<>();
    boolean written;
    boolean stored;

    private Entry(String room, String text) {
      this.room = room;
      this.text = text;
    }

    /** The {@code chat:send} request's data, the same each time it is written. */
    JsonObject data() {
      JsonObject data = new JsonObject();
      data.addProperty("room", room);
      data.addProperty("text", text);
      data.addProperty("clientMsgId", clientMsgId);
      return data;
    }
  }

  private final int capacity;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  Outbox(int capacity) {
    this.capacity = capacity;
  }

  /** A new entry, or null when the outbox is full. */
  Entry add(String room, String text) {
    if (entries.size() >= capacity) {
      return null;
    }
    Entry entry = new Entry(room, text);
    entries.put(entry.clientMsgId, entry);
    return entry;
  }

  /** Entries to write, oldest first. */
  List<Entry> unwritten() {
    return entries.values().stream().filter(entry -> !entry.written).toList();
  }

  /** The entry whose message this is, taken out, or null. */
  Entry confirm(String clientMsgId) {
    return clientMsgId == null ? null : entries.remove(clientMsgId);
  }

  void remove(Entry entry) {
    entries.remove(entry.clientMsgId);
  }

  /** The connection ended: what the server did not acknowledge is written again on the next. */
  void connectionLost() {
    entries.values().forEach(entry -> entry.written = entry.stored);
  }

  /** Takes out the entries of one room (every room when null). */
  List<Entry> removeAll(String room) {
    List<Entry> removed = new ArrayList<>();
    entries.values().removeIf(entry -> {
      boolean match = room == null || room.equals(entry.room);
      if (match) {
        removed.add(entry);
      }
      return match;
    });
    return removed;
  }
}
