package dev.jchat.core.protocol;

import dev.jchat.core.domain.Rejection;

/** One decoded client frame: a request, or the reason it could not be read. */
public sealed interface Inbound {

  /** The request's ack number, or null when it has none (or none that could be read). */
  Integer ack();

  /** {@code ack} is null when the client asked for none. */
  record Request(Command command, Integer ack) implements Inbound {
  }

  /** {@code ack} is set only when the frame carried a valid one, so the error can answer it. */
  record Malformed(Rejection rejection, Integer ack) implements Inbound {
  }
}
