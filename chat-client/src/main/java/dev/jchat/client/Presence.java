package dev.jchat.client;

import java.util.List;

/** Who is in a room: the whole list when the room is (re)joined, then each arrival and departure. */
public sealed interface Presence {
  String room();

  /** Everyone in the room now, this client's user included. */
  record Online(String room, List<User> users) implements Presence {
  }

  record Joined(String room, User user) implements Presence {
  }

  record Left(String room, User user) implements Presence {
  }
}
