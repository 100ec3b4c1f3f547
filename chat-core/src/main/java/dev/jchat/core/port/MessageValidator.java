package dev.jchat.core.port;

import dev.jchat.core.domain.Rejection;
import java.util.Optional;

/** Decides whether a message text may be sent; embedders may add their own rules. Thread-safe. */
public interface MessageValidator {

  Optional<Rejection> check(String text);
}
