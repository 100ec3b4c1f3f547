package dev.jchat.client.cli;

import dev.jchat.client.ChatClient;
import dev.jchat.client.Message;
import dev.jchat.client.Presence;
import dev.jchat.client.RoomListener;
import dev.jchat.client.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/** Lines in, messages out: each line is a command or a message to the current room. */
final class Terminal {
  private final ChatClient client;
  private final PrintStream out;
  private String current;

  Terminal(ChatClient client, PrintStream out) {
    this.client = client;
    this.out = out;
  }

  void readFrom(BufferedReader input) throws IOException {
    String line;
    while ((line = input.readLine()) != null && !line.equals("/quit")) {
      if (!line.isBlank()) {
        run(line);
      }
    }
  }

  void run(String line) {
    try {
      if (line.startsWith("/join ")) {
        String room = line.substring(6).trim();
        client.join(room, new Printer()).join();
        current = room;
        out.println("* joined " + room);
      } else if (line.startsWith("/leave ")) {
        String room = line.substring(7).trim();
        client.leave(room).join();
        current = room.equals(current) ? null : current;
        out.println("* left " + room);
      } else if (line.equals("/who")) {
        out.println(inRoom() ? "* in " + current + ": " + client.online(current).join().stream()
            .map(User::name).collect(Collectors.joining(", ")) : "* join a room first");
      } else if (line.startsWith("/")) {
        out.println("* unknown command; /join ROOM, /leave ROOM, /who, /quit");
      } else if (inRoom()) {
        client.send(current, line).join();
      } else {
        out.println("* join a room first: /join ROOM");
      }
    } catch (CompletionException e) {
      out.println("* " + e.getCause().getMessage());
    }
  }

  private boolean inRoom() {
    return current != null;
  }

  /** Prints what happens in a room, one line each. */
  private final class Printer implements RoomListener {
    @Override
    public void onMessage(Message message) {
      out.println("[" + message.room() + "] " + message.user() + ": " + message.text());
    }

    @Override
    public void onPresence(Presence presence) {
      if (presence instanceof Presence.Joined joined) {
        out.println("[" + joined.room() + "] * " + joined.user().name() + " joined");
      } else if (presence instanceof Presence.Left left) {
        out.println("[" + left.room() + "] * " + left.user().name() + " left");
      }
    }
  }
}
