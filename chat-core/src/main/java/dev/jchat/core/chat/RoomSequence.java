package dev.jchat.core.chat;

import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.Message;
import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.RoomEvent;
import dev.jchat.core.port.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One room's events as this instance hears them from the broadcaster, passed on to its members in
 * seq order, each message once: the broker is the fast path, the store the truth (PROTOCOL.md
 * section 7). A message with the next seq goes on at once and a repeat is dropped. One that skips
 * ahead waits a moment for those before it (two instances' publishes may cross on the way), then the
 * gap is read from the store; so is everything after the last message when the broker says events
 * may have been lost. Other events (presence, typing) have no place in the order and pass straight
 * on. Thread-safe.
 */
final class RoomSequence implements Broadcaster.RoomListener {
  /** How long a message that skipped ahead waits for the ones before it. */
  static final Duration GAP_WAIT = Duration.ofMillis(50);
  private static final System.Logger LOG = System.getLogger(RoomSequence.class.getName());

  private final String room;
  private final MessageStore store;
  private final RoomPublisher encoder;
  private final Consumer<RoomEvent> members;
  private final Clock clock;
  private final Executor storeReads;
  /** Messages that came ahead of a gap, by seq. */
  private final TreeMap<Long, RoomEvent> early = new TreeMap<>();
  /** Store reads one at a time, each from where the last one left off. */
  private final Object reading = new Object();
  private long lastSeq;
  private long lastId;
  private Clock.Timer gapTimer;

  /**
   * Starts after the room's newest stored message, read now: what came before it is history, which a
   * joining member reads after this. Throws {@link StoreUnavailableException} when the store is down.
   */
  RoomSequence(String room, MessageStore store, RoomPublisher encoder, Consumer<RoomEvent> members, Clock clock,
               Executor storeReads) {
    this.room = room;
    this.store = store;
    this.encoder = encoder;
    this.members = members;
    this.clock = clock;
    this.storeReads = storeReads;
    List<Message> newest = store.before(room, null, 1).messages();
    if (!newest.isEmpty()) {
      lastSeq = newest.get(0).seq();
      lastId = newest.get(0).id();
    }
  }

  @Override
  public synchronized void accept(RoomEvent event) {
    if (!event.isMessage()) {
      members.accept(event);
      return;
    }
    if (event.seq() <= lastSeq) {
      return; // a repeat, or read from the store already
    }
    early.put(event.seq(), event);
    passInOrder();
    if (!early.isEmpty() && gapTimer == null) {
      gapTimer = clock.schedule(GAP_WAIT, () -> storeReads.execute(this::readFromStore));
    }
  }

  @Override
  public void resumed() {
    storeReads.execute(this::readFromStore);
  }

  /** Reads every message after the last one passed on, and passes on what it finds and what came early. */
  private void readFromStore() {
    synchronized (reading) {
      long after;
      synchronized (this) {
        cancelGapTimer();
        after = lastId;
      }
      try {
        HistoryPage page;
        do {
          page = store.after(room, after, Rooms.MAX_RECOVERY);
          synchronized (this) {
            for (Message message : page.messages()) {
              if (message.seq() > lastSeq) {
                pass(encoder.newMessage(message));
              }
            }
            early.headMap(lastSeq, true).clear();
            passInOrder();
            after = lastId;
          }
        } while (page.hasMore());
      } catch (StoreUnavailableException e) {
        LOG.log(System.Logger.Level.WARNING, "room " + room + ": the store cannot fill a gap in seq after "
            + lastSeq + "; passing on what came");
        synchronized (this) {
          while (!early.isEmpty()) {
            pass(early.pollFirstEntry().getValue()); // the clients' own seq check asks for the rest
          }
        }
      }
    }
  }

  private void passInOrder() {
    while (!early.isEmpty() && early.firstKey() == lastSeq + 1) {
      pass(early.pollFirstEntry().getValue());
    }
  }

  private void pass(RoomEvent message) {
    lastSeq = message.seq();
    lastId = message.messageId();
    members.accept(message);
  }

  private void cancelGapTimer() {
    if (gapTimer != null) {
      gapTimer.cancel();
      gapTimer = null;
    }
  }
}
