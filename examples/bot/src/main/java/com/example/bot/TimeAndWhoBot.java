package com.example.bot;

import dev.jchat.client.ChatClient;
import dev.jchat.client.Message;
import dev.jchat.client.RoomListener;
import dev.jchat.client.User;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Answers {@code !time} with the time and {@code !who} with who is in the room. It answers only what was
 * said after it joined: the history a join hands over (and a restart would hand over again) is left alone.
 */
public final class TimeAndWhoBot implements RoomListener {
  private final ChatClient client;
  private final String room;
  private final Clock clock;
  private final long answersAfterSeq;
  private final long selfId;

  private TimeAndWhoBot(ChatClient client, String room, Clock clock, long answersAfterSeq) {
    this.client = client;
    this.room = room;
    this.clock = clock;
    this.answersAfterSeq = answersAfterSeq;
    this.selfId = client.session().user().id();
  }

  /** Joins the room with a connected client and answers there until the client is closed. */
  public static CompletableFuture<Void> start(ChatClient client, String room, Clock clock) {
    return client.history(room, null, 1).thenCompose(newest -> {
      long lastSeq = newest.messages().isEmpty() ? 0 : newest.messages().get(0).seq();
      return client.join(room, new TimeAndWhoBot(client, room, clock, lastSeq));
    });
  }

  @Override
  public void onMessage(Message message) {
    if (message.seq() <= answersAfterSeq || message.userId() == selfId) {
      return;
    }
    switch (message.text().trim()) {
      case "!time" -> client.send(room, "It is " + clock.instant() + " (UTC).");
      case "!who" -> client.online(room).thenAccept(users -> client.send(room, "Here: "
          + users.stream().map(User::name).sorted().collect(Collectors.joining(", ")) + "."));
      default -> {
        // not for the bot
      }
    }
  }
}
