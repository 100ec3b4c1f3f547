package dev.jchat.core.protocol;

/**
 * A client request, decoded at the edge. Fields hold what the client sent, with JSON types already
 * checked; domain rules (room names, text, ranges) are checked by the core. Optional fields are null
 * when absent.
 */
public sealed interface Command {

  record Auth(String token) implements Command {
    @Override
    public String toString() {
      return "Auth[token=<hidden>]";
    }
  }

  record Join(String room, Long since) implements Command {
  }

  record Leave(String room) implements Command {
  }

  record Send(String room, String text, String clientMsgId) implements Command {
    @Override
    public String toString() {
      return "Send[room=" + room + ", clientMsgId=" + clientMsgId + "]";
    }
  }

  record History(String room, Long before, Long limit) implements Command {
  }

  record Typing(String room, boolean typing) implements Command {
  }

  record Ping() implements Command {
  }
}
