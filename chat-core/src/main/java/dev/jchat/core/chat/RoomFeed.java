package dev.jchat.core.chat;

import dev.jchat.core.port.RoomEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * One room as one connection receives it. A join reads history while live events keep coming: the
 * feed skips the events published before the join (history and presence cover them), holds back
 * those that come while the history is read, then sends the held ones that are newer than the
 * history, and never sends a {@code chat:new} twice or out of id order. Thread-safe.
 */
final class RoomFeed {
  private final long joinedAfter;
  private long lastMessageId;
  private List<RoomEvent> heldBack = new ArrayList<>();

  /** A feed that skips the events numbered up to {@code lastPublished}. */
  RoomFeed(long lastPublished) {
    this.joinedAfter = lastPublished;
  }

  /**
   * Queues a live event for the next write (or holds it back during the join); true when a frame
   * was queued.
   */
  synchronized boolean deliver(RoomEvent event, long sequence, Outbox outbox) {
    if (sequence <= joinedAfter) {
      return false;
    }
    if (heldBack != null) {
      heldBack.add(event);
      return false;
    }
    return isNew(event) && outbox.hold(event.frame(), event.frameBytes());
  }

  /** The history up to {@code newestSent} is queued: sends what was held back and newer, in one write. */
  synchronized void goLive(long newestSent, Outbox outbox) {
    if (heldBack == null) {
      return;
    }
    List<RoomEvent> held = heldBack;
    heldBack = null;
    lastMessageId = Math.max(lastMessageId, newestSent);
    for (RoomEvent event : held) {
      if (isNew(event)) {
        outbox.hold(event.frame(), event.frameBytes());
      }
    }
    outbox.flush();
  }

  private boolean isNew(RoomEvent event) {
    if (event.messageId() == 0) {
      return true;
    }
    if (event.messageId() <= lastMessageId) {
      return false; // already sent in history
    }
    lastMessageId = event.messageId();
    return true;
  }
}
