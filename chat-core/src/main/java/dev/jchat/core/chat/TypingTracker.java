package dev.jchat.core.chat;

import dev.jchat.core.domain.User;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.SharedLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The typing rules: a start is forwarded at most once per throttle window per user and room (across
 * the deployment: the window is claimed in its {@link SharedLimits}), and a stop follows by itself
 * after the timeout, on a send, or on leaving. Thread-safe.
 */
final class TypingTracker {

  /** Where typing changes go (the service publishes them to the room). */
  interface Sink {
    void typing(String room, User user, boolean typing);
  }

  private record Key(long userId, String room) {
  }

  private static final class State {
    Clock.Timer expiry;
  }

  private final Clock clock;
  private final SharedLimits limits;
  private final Duration throttle;
  private final Duration timeout;
  private final Sink sink;
  private final Map<Key, State> typing = new HashMap<>();

  TypingTracker(Clock clock, SharedLimits limits, ChatSettings.TypingRules rules, Sink sink) {
    this.clock = clock;
    this.limits = limits;
    this.throttle = rules.throttle();
    this.timeout = rules.timeout();
    this.sink = sink;
  }

  synchronized void start(User user, String room) {
    Key key = new Key(user.id(), room);
    State state = typing.computeIfAbsent(key, k -> new State());
    if (limits.claim(throttleKey(key), throttle)) {
      sink.typing(room, user, true);
    }
    if (state.expiry != null) {
      state.expiry.cancel();
    }
    state.expiry = clock.schedule(timeout, () -> expire(user, room, state));
  }

  /** Ends typing if it was on, and resets the throttle. */
  synchronized void stop(User user, String room) {
    Key key = new Key(user.id(), room);
    State state = typing.remove(key);
    if (state != null) {
      state.expiry.cancel();
      limits.clear(throttleKey(key));
      sink.typing(room, user, false);
    }
  }

  private static String throttleKey(Key key) {
    return "typing:" + key.userId() + ":" + key.room();
  }

  private synchronized void expire(User user, String room, State expected) {
    if (typing.get(new Key(user.id(), room)) == expected) {
      stop(user, room);
    }
  }
}
