package dev.jchat.app;

import dev.jchat.auth.Argon2PasswordHasher;
import dev.jchat.auth.JwtTokenService;
import dev.jchat.core.account.AccountLimits;
import dev.jchat.core.account.AccountService;
import dev.jchat.core.chat.ChatService;
import dev.jchat.core.local.SystemClock;
import dev.jchat.jakarta.tyrus.JakartaTransport;
import dev.jchat.javalin.JavalinTransport;
import dev.jchat.jdbc.Database;
import dev.jchat.jdbc.JdbcMessageStore;
import dev.jchat.jdbc.JdbcUserStore;
import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;
import dev.jchat.wire.Health;
import dev.jchat.wire.HttpApi;
import dev.jchat.wire.JsonFrameCodec;
import dev.jchat.wire.OriginPolicy;
import java.time.Instant;

/**
 * Wires one chat server from the configuration: the store (an H2 file by default, PostgreSQL when
 * CHAT_DB_URL says so), the in-process broker, security, the core and the transport.
 */
public final class ChatApplication implements AutoCloseable {
  private final SystemClock clock;
  private final Database database;
  private final JdbcMessageStore messages;
  private final ChatServer transport;

  private ChatApplication(SystemClock clock, Database database, JdbcMessageStore messages, ChatServer transport) {
    this.clock = clock;
    this.database = database;
    this.messages = messages;
    this.transport = transport;
  }

  public static ChatApplication start(ChatConfig config) {
    SystemClock clock = new SystemClock();
    Database database = Database.start(config.database());
    JdbcMessageStore messages = new JdbcMessageStore(database, clock);
    byte[] secret = config.tokens().secret() != null ? config.tokens().secret()
        : JwtSecretFile.loadOrCreate(config.dataDir());
    JwtTokenService tokens = new JwtTokenService(secret, config.tokens().lifetime(), clock);
    ChatService chat = ChatService.builder().settings(config.chat()).messageStore(messages).tokens(tokens)
        .codec(new JsonFrameCodec()).clock(clock).build();
    AccountService accounts = new AccountService(new JdbcUserStore(database), new Argon2PasswordHasher(), tokens,
        AccountLimits.defaults(clock, config.registrationsPerMinute()));
    OriginPolicy origins = new OriginPolicy(config.allowedOrigins());
    Health health = new Health(config.transport().toString(), database.vendor(), "local", database::isReachable,
        () -> true, chat::connectionCount, Instant.now());
    Endpoints endpoints = new Endpoints(chat, new HttpApi(accounts, chat.rooms(), origins, health), origins);
    return new ChatApplication(clock, database, messages, startTransport(config, endpoints));
  }

  private static ChatServer startTransport(ChatConfig config, Endpoints endpoints) {
    return switch (config.transport()) {
      case JAKARTA -> JakartaTransport.start(endpoints, config.host(), config.port());
      case JAVALIN -> JavalinTransport.start(endpoints, config.host(), config.port());
    };
  }

  public int port() {
    return transport.port();
  }

  /** Stops taking connections, closes every socket with 1001, then releases everything. */
  @Override
  public void close() {
    transport.close();
    messages.close();
    database.close();
    clock.close();
  }
}
