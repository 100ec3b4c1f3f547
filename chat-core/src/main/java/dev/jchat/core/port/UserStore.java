package dev.jchat.core.port;

import dev.jchat.core.domain.StoredUser;
import java.util.Optional;

/**
 * Accounts. Names are unique without regard to case and kept as registered. May be called
 * concurrently; may block; throws {@link StoreUnavailableException} when unreachable.
 */
public interface UserStore {

  /** Creates the user, or returns empty when the name is taken in any case. */
  Optional<StoredUser> create(String name, String passwordHash);

  /** Finds a user by name, ignoring case. */
  Optional<StoredUser> findByName(String name);
}
