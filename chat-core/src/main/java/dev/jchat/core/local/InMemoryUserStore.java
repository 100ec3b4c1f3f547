package dev.jchat.core.local;

import dev.jchat.core.domain.StoredUser;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.UserStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Accounts in memory, for tests and embedding. */
public final class InMemoryUserStore implements UserStore {
  private final Map<String, StoredUser> byLowerName = new ConcurrentHashMap<>();
  private final AtomicLong lastId = new AtomicLong();

  @Override
  public Optional<StoredUser> create(String name, String passwordHash) {
    boolean[] created = new boolean[1];
    StoredUser user = byLowerName.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> {
      created[0] = true;
      return new StoredUser(new User(lastId.incrementAndGet(), name), passwordHash);
    });
    return created[0] ? Optional.of(user) : Optional.empty();
  }

  @Override
  public Optional<StoredUser> findByName(String name) {
    return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
  }
}
