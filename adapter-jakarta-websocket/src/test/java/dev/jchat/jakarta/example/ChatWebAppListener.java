package dev.jchat.jakarta.example;

import dev.jchat.auth.Argon2PasswordHasher;
import dev.jchat.auth.JwtTokenService;
import dev.jchat.core.account.AccountLimits;
import dev.jchat.core.account.AccountService;
import dev.jchat.core.chat.ChatService;
import dev.jchat.core.local.InMemoryUserStore;
import dev.jchat.core.local.SystemClock;
import dev.jchat.jakarta.servlet.ChatServletContainerInitializer;
import dev.jchat.wire.Endpoints;
import dev.jchat.wire.Health;
import dev.jchat.wire.HttpApi;
import dev.jchat.wire.JsonFrameCodec;
import dev.jchat.wire.OriginPolicy;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * A web application's own listener that supplies the chat to the adapter (see the adapter's
 * README): it assembles the chat from in-memory stores and puts its {@link Endpoints} into the
 * servlet context. Swap in {@code JdbcMessageStore} and {@code JdbcUserStore} to keep data, and read
 * a JWT secret from your configuration so tokens survive a restart.
 */
@WebListener
public class ChatWebAppListener implements ServletContextListener {
  private SystemClock clock;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    clock = new SystemClock();
    byte[] secret = new byte[32]; // read it from your configuration, so tokens outlive a restart
    new SecureRandom().nextBytes(secret);
    JwtTokenService tokens = new JwtTokenService(secret, Duration.ofHours(24), clock);
    ChatService chat = ChatService.builder().tokens(tokens).codec(new JsonFrameCodec()).clock(clock).build();
    AccountService accounts = new AccountService(new InMemoryUserStore(), new Argon2PasswordHasher(), tokens,
        AccountLimits.defaults(clock, 10));
    OriginPolicy origins = new OriginPolicy(OriginPolicy.DEFAULT);
    Health health = new Health("jakarta", "memory", "local", () -> true, () -> true, chat::connectionCount,
        Instant.now());
    Endpoints endpoints = new Endpoints(chat, new HttpApi(accounts, chat.rooms(), origins, health), origins);
    event.getServletContext().setAttribute(ChatServletContainerInitializer.ENDPOINTS_ATTRIBUTE, endpoints);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    clock.close(); // the adapter closes the chat's connections itself
  }
}
