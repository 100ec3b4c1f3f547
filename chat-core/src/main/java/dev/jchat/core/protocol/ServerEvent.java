package dev.jchat.core.protocol;

import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.Rejection;
import dev.jchat.core.domain.User;
import java.util.List;

/** Everything the server sends, as values; a {@code FrameCodec} turns each into one frame. */
public sealed interface ServerEvent {

  /** After a successful auth: also the payload of the auth's ack. */
  record Session(User user, String connectionId) implements ServerEvent, AckResult {
  }

  record NewMessage(Message message) implements ServerEvent {
  }

  /**
   * A page of a room's messages. It names the request it answers (PROTOCOL.md 1.1): a join's
   * {@code since} or a history request's {@code before}, either of them null when the request had none.
   */
  record History(String room, List<Message> messages, boolean hasMore, Request request, Long from)
      implements ServerEvent {

    /** Which request a page answers, named as its field in the protocol. */
    public enum Request { SINCE, BEFORE }
  }

  record PresenceState(String room, List<User> users) implements ServerEvent {
  }

  record PresenceChange(String room, User user, boolean joined) implements ServerEvent {
  }

  record Typing(String room, User user, boolean typing) implements ServerEvent {
  }

  /** {@code ack} is null when the failing request carried none. */
  record Error(Rejection rejection, Integer ack) implements ServerEvent {
  }

  record Ack(int ack, AckResult result) implements ServerEvent {
  }

  record Pong() implements ServerEvent {
  }

  /** The {@code data} of an {@link Ack}. */
  sealed interface AckResult {
  }

  record RoomResult(String room) implements AckResult {
  }

  record SentResult(long id, long seq, java.time.Instant time) implements AckResult {
  }

  record EmptyResult() implements AckResult {
  }
}
