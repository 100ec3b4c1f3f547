package dev.jchat.client;

import java.util.List;

/** Messages in ascending id order, and whether older ones exist. */
public record HistoryPage(List<Message> messages, boolean hasMore) {
}
