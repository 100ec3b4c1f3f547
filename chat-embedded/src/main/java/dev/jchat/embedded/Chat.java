package dev.jchat.embedded;

import dev.jchat.auth.Argon2PasswordHasher;
import dev.jchat.auth.JwtTokenService;
import dev.jchat.core.account.AccountLimits;
import dev.jchat.core.account.AccountService;
import dev.jchat.core.api.ClientSession;
import dev.jchat.core.chat.ChatService;
import dev.jchat.core.chat.ChatSettings;
import dev.jchat.core.domain.User;
import dev.jchat.core.local.InMemoryUserStore;
import dev.jchat.core.local.SystemClock;
import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.Connection;
import dev.jchat.core.port.FrameCodec;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.port.MessageValidator;
import dev.jchat.core.port.PasswordHasher;
import dev.jchat.core.port.Presence;
import dev.jchat.core.port.TokenService;
import dev.jchat.core.port.UserStore;
import dev.jchat.wire.Endpoints;
import dev.jchat.wire.Health;
import dev.jchat.wire.HttpApi;
import dev.jchat.wire.JsonFrameCodec;
import dev.jchat.wire.OriginPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A whole chat in one object, to embed in a JVM application: the core's rules, accounts, JSON
 * frames and JWT session tokens, on in-memory parts unless told otherwise. The smallest embedding:
 *
 * <pre>{@code
 * Chat chat = Chat.builder().tokenSecret(secret).build();   // secret: 32 bytes or more
 * ClientSession session = chat.open(connection);           // your Connection: how frames reach the client
 * session.receive("{\"event\":\"auth\",\"data\":{\"token\":\"" + chat.issueToken(user) + "\"}}");
 * }</pre>
 *
 * <p>Each part is replaced by the name of its port: {@code .messageStore(new JdbcMessageStore(database))},
 * {@code .userStore(…)}, {@code .presence(…)}, {@code .broadcaster(…)}. To serve it over HTTP and
 * WebSocket, hand {@link #endpoints()} to a transport (the Jakarta WebSocket adapter in a servlet
 * container, or Javalin). {@link #close()} stops it.
 *
 * <p><b>Public API.</b> This class and its {@link Builder}; what they take and return: the ports in
 * {@code dev.jchat.core.port}, {@link ClientSession}, the values in {@code dev.jchat.core.domain},
 * {@link ChatSettings}, {@link AccountService}, {@link Endpoints}; and the adapters' stores and
 * transports. Everything else in {@code chat-core} and {@code chat-wire} (how the core decodes,
 * limits, fans out and stores) is internal: it may change in any release.
 *
 * <p>Thread-safe: {@link #open} and the account methods may be called from any number of threads.
 */
public final class Chat implements dev.jchat.core.api.Chat, AutoCloseable {
  /** The app's default: an address may register ten accounts a minute. */
  private static final int REGISTRATIONS_PER_MINUTE = 10;

  private final ChatService chat;
  private final AccountService accounts;
  private final TokenService tokens;
  private final Endpoints endpoints;
  private final SystemClock ownClock;

  private Chat(Builder parts, Clock clock, TokenService tokens, SystemClock ownClock) {
    this.tokens = tokens;
    this.ownClock = ownClock;
    ChatService.Builder core = ChatService.builder().settings(parts.settings).tokens(tokens).clock(clock)
        .codec(Objects.requireNonNullElseGet(parts.codec, JsonFrameCodec::new)).messageStore(parts.messageStore);
    if (parts.broadcaster != null) {
      core.broadcaster(parts.broadcaster);
    }
    if (parts.presence != null) {
      core.presence(parts.presence);
    }
    if (parts.validator != null) {
      core.validator(parts.validator);
    }
    this.chat = core.build();
    this.accounts = new AccountService(Objects.requireNonNullElseGet(parts.userStore, InMemoryUserStore::new),
        Objects.requireNonNullElseGet(parts.passwordHasher, Argon2PasswordHasher::new), tokens,
        AccountLimits.defaults(clock, REGISTRATIONS_PER_MINUTE));
    OriginPolicy origins = new OriginPolicy(parts.allowedOrigins);
    Health health = new Health(parts.transportName, parts.storeName(), parts.brokerName(), parts.storeReachable,
        () -> true, chat::connectionCount, Instant.now());
    this.endpoints = new Endpoints(this, new HttpApi(accounts, chat.rooms(), origins, health), origins);
  }

  /** A chat on in-memory, one-instance parts; a token secret (or a token service) must be given. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ClientSession open(Connection connection) {
    return chat.open(connection);
  }

  @Override
  public void shutdown() {
    chat.shutdown();
  }

  @Override
  public int connectionCount() {
    return chat.connectionCount();
  }

  /**
   * A session token for a user the application knows (it has its own accounts): a client that sends
   * it in its {@code auth} frame chats as that user.
   */
  public String issueToken(User user) {
    return tokens.issue(user);
  }

  /** Registration and login on the user store, as the HTTP API offers them. */
  public AccountService accounts() {
    return accounts;
  }

  /**
   * What a transport serves: this chat at {@code /ws}, the HTTP API ({@code /health},
   * {@code /api/...}) and the origin allow-list. One instance for the chat's life.
   */
  public Endpoints endpoints() {
    return endpoints;
  }

  /**
   * Closes every connection with 1001 and stops the clock the builder made. Parts given to the
   * builder (a JDBC store, a clock) are the caller's to close, after this.
   */
  @Override
  public void close() {
    chat.shutdown();
    if (ownClock != null) {
      ownClock.close();
    }
  }

  /**
   * The parts of a chat, each replaceable by the name of its port. Defaults: the protocol's
   * settings, in-memory messages and users, one-instance presence and broadcaster, Argon2id password
   * hashes, JSON frames, the protocol's text rules, the system clock, HS256 JWTs that live 24 hours,
   * and the default origin allow-list (localhost and private addresses).
   */
  public static final class Builder {
    private ChatSettings settings = ChatSettings.defaults();
    private byte[] tokenSecret;
    private Duration tokenLifetime = Duration.ofHours(24);
    private TokenService tokens;
    private MessageStore messageStore;
    private UserStore userStore;
    private PasswordHasher passwordHasher;
    private Broadcaster broadcaster;
    private Presence presence;
    private MessageValidator validator;
    private FrameCodec codec;
    private Clock clock;
    private String allowedOrigins = OriginPolicy.DEFAULT;
    private String transportName = "embedded";
    private String storeName;
    private BooleanSupplier storeReachable = () -> true;

    private Builder() {
    }

    /**
     * The HS256 secret that signs session tokens, at least 32 bytes. Read it from your
     * configuration: instances that share it accept each other's tokens, and tokens outlive a restart.
     */
    public Builder tokenSecret(byte[] secret) {
      this.tokenSecret = secret.clone();
      return this;
    }

    /** {@link #tokenSecret(byte[])} as the UTF-8 bytes of a text, at least 32 bytes. */
    public Builder tokenSecret(String secret) {
      return tokenSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** How long a session token is valid; 24 hours by default. */
    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = lifetime;
      return this;
    }

    /** Another way to issue and check session tokens, instead of {@link #tokenSecret}. */
    public Builder tokens(TokenService tokens) {
      this.tokens = tokens;
      return this;
    }

    public Builder settings(ChatSettings settings) {
      this.settings = settings;
      return this;
    }

    public Builder messageStore(MessageStore messageStore) {
      this.messageStore = messageStore;
      return this;
    }

    public Builder userStore(UserStore userStore) {
      this.userStore = userStore;
      return this;
    }

    public Builder passwordHasher(PasswordHasher passwordHasher) {
      this.passwordHasher = passwordHasher;
      return this;
    }

    public Builder broadcaster(Broadcaster broadcaster) {
      this.broadcaster = broadcaster;
      return this;
    }

    public Builder presence(Presence presence) {
      this.presence = presence;
      return this;
    }

    public Builder validator(MessageValidator validator) {
      this.validator = validator;
      return this;
    }

    public Builder codec(FrameCodec codec) {
      this.codec = codec;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The regular expression a whole {@code Origin} must match (HTTP API and WebSocket upgrade). */
    public Builder allowedOrigins(String regex) {
      this.allowedOrigins = regex;
      return this;
    }

    /** What {@code GET /health} names as the transport; {@code "embedded"} by default. */
    public Builder transportName(String name) {
      this.transportName = name;
      return this;
    }

    /**
     * What {@code GET /health} says of the message store: its name, and whether it answers (a
     * {@code false} makes the health 503). By default {@code "memory"} for the in-memory store, the
     * class name of a store given, and always reachable.
     */
    public Builder storeHealth(String name, BooleanSupplier reachable) {
      this.storeName = name;
      this.storeReachable = reachable;
      return this;
    }

    /** Builds the chat; it takes connections at once. */
    public Chat build() {
      if ((tokens == null) == (tokenSecret == null)) {
        throw new IllegalStateException("give the chat tokenSecret(...) or tokens(...), one of the two");
      }
      SystemClock ownClock = clock == null ? new SystemClock() : null;
      Clock time = clock == null ? ownClock : clock;
      try {
        TokenService issuer = tokens != null ? tokens : new JwtTokenService(tokenSecret, tokenLifetime, time);
        return new Chat(this, time, issuer, ownClock);
      } catch (RuntimeException e) {
        if (ownClock != null) {
          ownClock.close();
        }
        throw e;
      }
    }

    private String storeName() {
      if (storeName != null) {
        return storeName;
      }
      return messageStore == null ? "memory" : messageStore.getClass().getSimpleName();
    }

    private String brokerName() {
      return broadcaster == null ? "local" : broadcaster.getClass().getSimpleName();
    }
  }
}
