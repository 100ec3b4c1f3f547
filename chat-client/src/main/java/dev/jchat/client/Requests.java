package dev.jchat.client;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Requests waiting for their answer on the current connection, by ack number. */
final class Requests {
  /** How a request's answer is handled: exactly one of the two is called. */
  interface Answer {
    void accepted(JsonObject result);

    void refused(ChatException error);
  }

  private final Map<Integer, Answer> waiting = new HashMap<>();
  private int last;

  /** A fresh ack number for this answer. */
  int expect(Answer answer) {
    last = last == Integer.MAX_VALUE ? 1 : last + 1;
    waiting.put(last, answer);
    return last;
  }

  void accepted(int ack, JsonObject result) {
    Answer answer = waiting.remove(ack);
    if (answer != null) {
      answer.accepted(result);
    }
  }

  void refused(int ack, ChatException error) {
    Answer answer = waiting.remove(ack);
    if (answer != null) {
      answer.refused(error);
    }
  }

  /** The connection ended: no answer will come. */
  void abandon(ChatException error) {
    List<Answer> answers = List.copyOf(waiting.values());
    waiting.clear();
    answers.forEach(answer -> answer.refused(error));
  }
}
