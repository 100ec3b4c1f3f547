package dev.jchat.conformance;

import dev.jchat.auth.Argon2PasswordHasher;
import dev.jchat.auth.JwtTokenService;
import dev.jchat.core.account.AccountService;
import dev.jchat.core.account.LoginThrottle;
import dev.jchat.core.chat.ChatService;
import dev.jchat.core.chat.ChatSettings;
import dev.jchat.core.chat.OriginPolicy;
import dev.jchat.core.chat.TextRules;
import dev.jchat.core.domain.User;
import dev.jchat.core.local.InMemoryMessageStore;
import dev.jchat.core.local.InMemoryUserStore;
import dev.jchat.core.local.LocalBroadcaster;
import dev.jchat.core.local.LocalPresence;
import dev.jchat.core.local.SystemClock;
import dev.jchat.wire.Endpoints;
import dev.jchat.wire.Health;
import dev.jchat.wire.HttpApi;
import dev.jchat.wire.JsonFrameCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** A complete chat on in-memory stores, as the suite serves it over each transport. */
public final class TestChat implements AutoCloseable {
  public static final byte[] SECRET = "conformance-suite-secret-not-for-production".getBytes(StandardCharsets.UTF_8);

  private final SystemClock clock = new SystemClock();
  private final Endpoints endpoints;

  public TestChat(ChatSettings settings, String transportName) {
    InMemoryMessageStore store = new InMemoryMessageStore(clock);
    LocalPresence presence = new LocalPresence();
    JwtTokenService tokens = new JwtTokenService(SECRET, Duration.ofHours(24), clock);
    ChatService chat = new ChatService(settings, store, new LocalBroadcaster(), presence, tokens,
        new TextRules(), new JsonFrameCodec(), clock);
    AccountService accounts = new AccountService(new InMemoryUserStore(), new Argon2PasswordHasher(), tokens,
        new LoginThrottle(clock, 5, Duration.ofSeconds(60)));
    OriginPolicy origins = new OriginPolicy(OriginPolicy.DEFAULT);
    Health health = new Health(transportName, "memory", "local", () -> true, () -> true, chat::connectionCount,
        Instant.now());
    this.endpoints = new Endpoints(chat, new HttpApi(accounts, chat.rooms(), origins, health), origins);
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  /** A token for the user signed with the suite's secret, valid for the given time (negative: expired). */
  public String token(User user, Duration lifetime) {
    return new JwtTokenService(SECRET, lifetime, clock).issue(user);
  }

  @Override
  public void close() {
    clock.close();
  }
}
