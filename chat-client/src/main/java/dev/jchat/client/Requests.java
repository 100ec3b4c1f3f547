package dev.jchat.client;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Requests waiting for their answer on the current connection, by ack number. Each answer completes
 * on the thread that reads it (the client's loop), failing with a {@link ChatException}.
 */
final class Requests {
  private final Map<Integer, CompletableFuture<JsonObject>> waiting = new HashMap<>();
  private int last;

  /** A fresh ack number for this answer. */
  int expect(CompletableFuture<JsonObject> answer) {
    last = last == Integer.MAX_VALUE ? 1 : last + 1;
    waiting.put(last, answer);
    return last;
  }

  void accepted(int ack, JsonObject result) {
    CompletableFuture<JsonObject> answer = waiting.remove(ack);
    if (answer != null) {
      answer.complete(result);
    }
  }

  void refused(int ack, ChatException error) {
    CompletableFuture<JsonObject> answer = waiting.remove(ack);
    if (answer != null) {
      answer.completeExceptionally(error);
    }
  }

  /** The connection ended: no answer will come. */
  void abandon(ChatException error) {
    List<CompletableFuture<JsonObject>> answers = List.copyOf(waiting.values());
    waiting.clear();
    answers.forEach(answer -> answer.completeExceptionally(error));
  }
}
