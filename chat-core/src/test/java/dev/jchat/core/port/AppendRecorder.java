package dev.jchat.core.port;

import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Appends to a store and records how it reports: each append's outcome as a future, the reports in
 * the order they came, and every callback that overlapped another or came a second time.
 */
public final class AppendRecorder {
  private final MessageStore store;
  private final List<Stored> reported = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger overlaps = new AtomicInteger();
  private final AtomicInteger repeatedCallbacks = new AtomicInteger();

  public AppendRecorder(MessageStore store) {
    this.store = store;
  }

  /** What an append reported. */
  public record Stored(Message message, boolean firstTime) {
  }

  /** Appends; the future completes when the store reports, exceptionally with the cause of a failure. */
  public CompletableFuture<Stored> append(NewMessage message) {
    CompletableFuture<Stored> outcome = new CompletableFuture<>();
    AtomicInteger calls = new AtomicInteger();
    store.append(message, new MessageStore.AppendCallback() {
      @Override
      public void stored(Message stored, boolean firstTime) {
        countCall(calls);
        if (running.incrementAndGet() > 1) {
          overlaps.incrementAndGet();
        }
        Stored report = new Stored(stored, firstTime);
        reported.add(report);
        running.decrementAndGet();
        outcome.complete(report);
      }

      @Override
      public void failed(Exception cause) {
        countCall(calls);
        outcome.completeExceptionally(cause);
      }
    });
    return outcome;
  }

  /** What the store reported, in the order it did. */
  public List<Stored> reported() {
    synchronized (reported) {
      return List.copyOf(reported);
    }
  }

  /** The ids of stored messages, in the order the store reported them. */
  public List<Long> reportedIds() {
    return reported().stream().map(stored -> stored.message().id()).toList();
  }

  /** How many callbacks for a stored message started while another was running. */
  public int overlaps() {
    return overlaps.get();
  }

  /** How many callbacks came for an append that had been reported already. */
  public int repeatedCallbacks() {
    return repeatedCallbacks.get();
  }

  private void countCall(AtomicInteger calls) {
    if (calls.incrementAndGet() > 1) {
      repeatedCallbacks.incrementAndGet();
    }
  }
}
