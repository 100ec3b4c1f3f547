package dev.jchat.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * One room's messages put in {@code seq} order, whether they come live or in a history answer, live
 * or after a reconnect: repeats are dropped, and a message past a hole waits until the hole is filled.
 */
final class RoomFeed {
  private final TreeMap<Long, Message> waiting = new TreeMap<>();
  private boolean started;
  private long lastSeq;
  private long lastId;

  /**
   * The answer to a join: the first one starts the feed at its oldest message (the history shown on
   * joining); later ones fill holes. Returns the messages now in order, to deliver.
   */
  List<Message> history(List<Message> messages) {
    if (!started) {
      started = true;
      lastSeq = messages.isEmpty() ? 0 : messages.get(0).seq() - 1;
      waiting.headMap(lastSeq, true).clear();
    }
    return accept(messages);
  }

  /** Messages that came; returns those now in order, to deliver. Before the first history they wait. */
  List<Message> accept(Collection<Message> messages) {
    for (Message message : messages) {
      if (message.seq() > lastSeq) {
        waiting.put(message.seq(), message);
      }
    }
    List<Message> inOrder = new ArrayList<>();
    while (started && !waiting.isEmpty() && waiting.firstKey() == lastSeq + 1) {
      Message next = waiting.pollFirstEntry().getValue();
      lastSeq = next.seq();
      lastId = next.id();
      inOrder.add(next);
    }
    return inOrder;
  }

  /** Whether messages wait behind a hole. */
  boolean hasHole() {
    return started && !waiting.isEmpty();
  }

  /** The {@code since} of a join that recovers what came after this feed's last message; null before it started. */
  Long since() {
    return started ? lastId : null;
  }
}
