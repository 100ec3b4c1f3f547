package dev.jchat.core.testing;

import dev.jchat.core.domain.User;
import dev.jchat.core.port.TokenService;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens as plain strings with an expiry on the fake clock. */
public final class FakeTokens implements TokenService {
  private final FakeClock clock;
  private final Duration lifetime;
  private final Map<String, Verified> issued = new ConcurrentHashMap<>();

  public FakeTokens(FakeClock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  @Override
  public String issue(User user) {
    String token = "token-" + user.id() + "-" + issued.size();
    issued.put(token, new Verified(user, clock.now().plus(lifetime)));
    return token;
  }

  @Override
  public Optional<Verified> verify(String token) {
    Verified verified = issued.get(token);
    return verified == null || !verified.expiresAt().isAfter(clock.now()) ? Optional.empty() : Optional.of(verified);
  }
}
