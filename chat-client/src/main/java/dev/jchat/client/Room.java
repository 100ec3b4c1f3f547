package dev.jchat.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** A room the client is in: its listener and delivery lane, its feed, who is online, its joins under way. */
final class Room {
  final String name;
  private final RoomListener listener;
  private final SerialLane lane;
  final RoomFeed feed = new RoomFeed();
  /** Completes once the room is joined and the listener has had its recent history. */
  final CompletableFuture<Void> joined = new CompletableFuture<>();
  /** For each join sent and not yet answered by its history: whether it asked {@code since}. */
  private final Deque<Boolean> joinsSent = new ArrayDeque<>();
  private List<User> online = List.of();

  Room(String name, RoomListener listener, Executor pool) {
    this.name = name;
    this.listener = listener;
    this.lane = new SerialLane(pool, "room " + name);
  }

  void joinSent(boolean withSince) {
    joinsSent.add(withSince);
  }

  /** A join's history came, or it was refused: whether that join had asked {@code since}. Null: no join waited. */
  Boolean joinAnswered() {
    return joinsSent.poll();
  }

  boolean joining() {
    return !joinsSent.isEmpty();
  }

  /** The connection ended: its joins will never be answered. */
  void connectionLost() {
    joinsSent.clear();
  }

  void deliver(List<Message> messages) {
    messages.forEach(message -> lane.execute(() -> listener.onMessage(message)));
  }

  /** Runs the task on the room's lane after what was delivered so far. */
  void afterDeliveries(Runnable task) {
    lane.execute(task);
  }

  void presence(Presence presence) {
    List<User> users = new ArrayList<>(online);
    if (presence instanceof Presence.Online state) {
      users = new ArrayList<>(state.users());
    } else if (presence instanceof Presence.Joined joined) {
      users.add(joined.user());
    } else if (presence instanceof Presence.Left left) {
      users.removeIf(user -> user.id() == left.user().id());
    }
    online = List.copyOf(users);
    lane.execute(() -> listener.onPresence(presence));
  }

  void typing(Typing typing) {
    lane.execute(() -> listener.onTyping(typing));
  }

  List<User> online() {
    return online;
  }
}
