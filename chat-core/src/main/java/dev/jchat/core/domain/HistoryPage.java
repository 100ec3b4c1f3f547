package dev.jchat.core.domain;

import java.util.List;

/** Messages in ascending id order, and whether more lie beyond the page in the direction read. */
public record HistoryPage(List<Message> messages, boolean hasMore) {
  public HistoryPage {
    messages = List.copyOf(messages);
  }

  public long lastId() {
    return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).id();
  }
}
