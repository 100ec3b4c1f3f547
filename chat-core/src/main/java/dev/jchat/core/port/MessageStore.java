package dev.jchat.core.port;

import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import java.util.Map;

/**
 * Where messages live. Every method may be called concurrently from any thread. Reads block until
 * answered and throw {@link StoreUnavailableException} when the store cannot be reached.
 */
public interface MessageStore {

  /**
   * Stores a message durably and then calls {@code done} exactly once, on a thread of the store's
   * choosing, with the time cut to the millisecond. For one room, callbacks with
   * {@code firstTime == true} come in id order and never overlap, so a caller may publish from the
   * callback and receivers see ids increasing. A repeated (author, clientMsgId) pair stores nothing
   * and reports the first message with {@code firstTime == false}. Never blocks on I/O.
   */
  void append(NewMessage message, AppendCallback done);

  /** Up to {@code limit} messages with an id below {@code beforeId} (newest if null), ascending. */
  HistoryPage before(String room, Long beforeId, int limit);

  /** Up to {@code limit} messages with an id above {@code afterId}, ascending; for recovery. */
  HistoryPage after(String room, long afterId, int limit);

  /** Records that a room exists (it does once someone joins it); idempotent. */
  void createRoom(String room);

  /** Every known room with the id of its newest message, or null when it has none. */
  Map<String, Long> rooms();

  /** The outcome of {@link #append}. */
  interface AppendCallback {
    void stored(Message message, boolean firstTime);

    /** Nothing was stored; {@code cause} is usually a {@link StoreUnavailableException}. */
    void failed(Exception cause);
  }
}
