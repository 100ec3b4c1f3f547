package dev.jchat.core.port;

import dev.jchat.core.domain.User;
import java.time.Instant;
import java.util.Optional;

/** Issues and checks signed, expiring session tokens (JWT). Thread-safe. */
public interface TokenService {

  String issue(User user);

  /** The token's user and expiry, or empty for a forged, malformed or expired token. */
  Optional<Verified> verify(String token);

  record Verified(User user, Instant expiresAt) {
  }
}
