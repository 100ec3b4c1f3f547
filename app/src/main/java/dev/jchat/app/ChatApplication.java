package dev.jchat.app;

import dev.jchat.auth.Argon2PasswordHasher;
import dev.jchat.auth.JwtTokenService;
import dev.jchat.core.account.AccountLimits;
import dev.jchat.core.account.AccountService;
import dev.jchat.core.chat.ChatService;
import dev.jchat.core.local.SystemClock;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.jakarta.tyrus.JakartaTransport;
import dev.jchat.javalin.JavalinTransport;
import dev.jchat.jdbc.Database;
import dev.jchat.jdbc.GroupCommitSettings;
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
 * CHAT_DB_URL says so), the broker (in process by default, Redis when CHAT_REDIS_URL says so),
 * security, the core and the transport.
 */
public final class ChatApplication implements AutoCloseable {
  private final SystemClock clock;
  private final Database database;
  private final JdbcMessageStore messages;
  private final Broker broker;
  private final ChatServer transport;
  private final Runnable stopMetricsServer;

  private ChatApplication(SystemClock clock, Database database, JdbcMessageStore messages, Broker broker,
                          ChatServer transport, Runnable stopMetricsServer) {
    this.clock = clock;
    this.database = database;
    this.messages = messages;
    this.broker = broker;
    this.transport = transport;
    this.stopMetricsServer = stopMetricsServer;
  }

  public static ChatApplication start(ChatConfig config) {
    SystemClock clock = new SystemClock();
    MicrometerChatMetrics metrics = new MicrometerChatMetrics();
    ChatMetrics counted = config.metrics().enabled() ? metrics : ChatMetrics.NONE;
    Database database = Database.start(config.database());
    JdbcMessageStore messages = new JdbcMessageStore(database, clock, GroupCommitSettings.defaults(), counted);
    byte[] secret = config.tokens().secret() != null ? config.tokens().secret()
        : JwtSecretFile.loadOrCreate(config.dataDir());
    JwtTokenService tokens = new JwtTokenService(secret, config.tokens().lifetime(), clock);
    Broker broker = Broker.start(config.redis(), clock);
    ChatService chat = ChatService.builder().settings(config.chat()).messageStore(messages).tokens(tokens)
        .broadcaster(broker.broadcaster()).presence(broker.presence()).sharedLimits(broker.limits())
        .codec(new JsonFrameCodec()).clock(clock).metrics(counted).build();
    metrics.countConnections(config.transport().toString(), chat::connectionCount);
    AccountService accounts = new AccountService(new JdbcUserStore(database), new Argon2PasswordHasher(), tokens,
        AccountLimits.shared(broker.limits(), config.registrationsPerMinute()));
    OriginPolicy origins = new OriginPolicy(config.allowedOrigins());
    Health health = new Health(config.transport().toString(), database.vendor(), broker.name(), database::isReachable,
        broker.up(), chat::connectionCount, Instant.now());
    boolean onServerPort = config.metrics().enabled() && config.metrics().port() == null;
    HttpApi api = new HttpApi(accounts, chat.rooms(), origins, health, onServerPort ? metrics::scrape : null);
    Endpoints endpoints = new Endpoints(chat, api, origins);
    Runnable stopMetricsServer = config.metrics().enabled() && config.metrics().port() != null
        ? MetricsServer.start(config.host(), config.metrics().port(), metrics::scrape)::close : () -> { };
    return new ChatApplication(clock, database, messages, broker, startTransport(config, endpoints),
        stopMetricsServer);
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
    stopMetricsServer.run();
    broker.close();
    messages.close();
    database.close();
    clock.close();
  }
}
