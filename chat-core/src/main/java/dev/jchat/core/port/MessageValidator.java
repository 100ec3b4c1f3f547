package dev.jchat.core.port;

import dev.jchat.core.domain.Outcome;

/** Decides whether a message text may be sent; embedders may add their own rules. Thread-safe. */
public interface MessageValidator {

  /** The text to store (as given), or why it may not be sent. */
  Outcome<String> check(String text);
}
