package dev.jchat.conformance;

import dev.jchat.auth.Argon2PasswordHasher;
import dev.jchat.auth.JwtTokenService;
import dev.jchat.core.account.AccountLimits;
import dev.jchat.core.account.AccountService;
import dev.jchat.core.chat.ChatService;
import dev.jchat.core.chat.ChatSettings;
import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.User;
import dev.jchat.core.local.InMemoryMessageStore;
import dev.jchat.core.local.InMemoryUserStore;
import dev.jchat.core.local.LocalPresence;
import dev.jchat.core.local.SystemClock;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.PasswordHasher;
import dev.jchat.core.port.StoreUnavailableException;
import dev.jchat.wire.Endpoints;
import dev.jchat.wire.Health;
import dev.jchat.wire.HttpApi;
import dev.jchat.wire.JsonFrameCodec;
import dev.jchat.wire.OriginPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A complete chat on in-memory stores, as the suite serves it over each transport. */
public final class TestChat implements AutoCloseable {
  public static final byte[] SECRET = "conformance-suite-secret-not-for-production".getBytes(StandardCharsets.UTF_8);

  private final SystemClock clock = new SystemClock();
  private final SwitchableStore store;
  private final Endpoints endpoints;

  public TestChat(ChatSettings settings, String transportName) {
    this.store = new SwitchableStore(new InMemoryMessageStore(clock));
    LocalPresence presence = new LocalPresence();
    JwtTokenService tokens = new JwtTokenService(SECRET, Duration.ofHours(24), clock);
    // Room events are delivered on the publisher's thread, so a broadcast a request causes is queued
    // before that request's answer: a later ping's pong follows it (WireClient.framesUntilPong).
    // That thread must not wait for a write interval.
    ChatService chat = ChatService.builder().settings(settings.toBuilder().writeInterval(Duration.ZERO).build())
        .messageStore(store).presence(presence).tokens(tokens)
        .codec(new JsonFrameCodec()).clock(clock).fanoutExecutor(Runnable::run).build();
    AccountService accounts = new AccountService(new InMemoryUserStore(), OncePerPassword.HASHER, tokens,
        AccountLimits.defaults(clock, 1_000_000)); // the whole suite registers from one address
    OriginPolicy origins = new OriginPolicy(OriginPolicy.DEFAULT);
    Health health = new Health(transportName, "memory", "local", () -> store.up, () -> true, chat::connectionCount,
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

  /** Makes the message store unreachable (every call fails as a lost database would) or reachable again. */
  public void storeReachable(boolean reachable) {
    store.up = reachable;
  }

  /** Makes every store call throw as a bug would (not the unavailable of an outage), or work again. */
  public void storeBroken(boolean broken) {
    store.broken = broken;
  }

  @Override
  public void close() {
    clock.close();
  }

  /**
   * Argon2id, computed once per distinct password in the whole run: every test registers users
   * with the same password, and each hash costs ~100 ms of the two cores. Verifying stays real.
   */
  private static final class OncePerPassword implements PasswordHasher {
    static final OncePerPassword HASHER = new OncePerPassword();

    private final Argon2PasswordHasher argon2 = new Argon2PasswordHasher();
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    @Override
    public String hash(String password) {
      return hashes.computeIfAbsent(password, argon2::hash);
    }

    @Override
    public boolean verify(String password, String hash) {
      return argon2.verify(password, hash);
    }
  }

  /** The in-memory store behind switches that make it fail like an unreachable database, or like a bug. */
  private static final class SwitchableStore implements MessageStore {
    private final MessageStore store;
    private volatile boolean up = true;
    private volatile boolean broken;

    SwitchableStore(MessageStore store) {
      this.store = store;
    }

    @Override
    public void append(NewMessage message, AppendCallback done) {
      failIfBroken();
      if (up) {
        store.append(message, done);
      } else {
        done.failed(unreachable());
      }
    }

    @Override
    public HistoryPage before(String room, Long beforeId, int limit) {
      check();
      return store.before(room, beforeId, limit);
    }

    @Override
    public HistoryPage after(String room, long afterId, int limit) {
      check();
      return store.after(room, afterId, limit);
    }

    @Override
    public void createRoom(String room) {
      check();
      store.createRoom(room);
    }

    @Override
    public Map<String, Long> rooms() {
      check();
      return store.rooms();
    }

    private void check() {
      failIfBroken();
      if (!up) {
        throw unreachable();
      }
    }

    private void failIfBroken() {
      if (broken) {
        throw new IllegalStateException("a bug the test planted in the store");
      }
    }

    private static StoreUnavailableException unreachable() {
      return new StoreUnavailableException("the test switched the store off", null);
    }
  }
}
