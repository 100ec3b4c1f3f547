package com.example.springboot;

import dev.jchat.embedded.Chat;
import dev.jchat.jakarta.servlet.ChatServletContainerInitializer;
import dev.jchat.jdbc.Database;
import dev.jchat.jdbc.JdbcMessageStore;
import dev.jchat.jdbc.JdbcUserStore;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chat as Spring beans: its tables in the application's {@code DataSource}, and its endpoints
 * registered with Boot's servlet container: {@code /ws}, {@code /health} and {@code /api/*}. Spring
 * closes the beans in reverse order when the application stops: the chat (every socket gets 1001),
 * then its message store.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

  @Bean
  Database chatDatabase(DataSource dataSource) {
    return Database.on(dataSource);
  }

  @Bean
  JdbcMessageStore chatMessages(Database chatDatabase) {
    return new JdbcMessageStore(chatDatabase);
  }

  @Bean
  Chat chat(Database chatDatabase, JdbcMessageStore chatMessages, @Value("${chat.token-secret}") String secret) {
    return Chat.builder().tokenSecret(secret)
        .messageStore(chatMessages)
        .userStore(new JdbcUserStore(chatDatabase))
        .storeHealth(chatDatabase.vendor(), chatDatabase::isReachable)
        .build();
  }

  /** The adapter's own registrations (endpoint, API servlet, origin filter), run as Boot starts Tomcat. */
  @Bean
  ServletContextInitializer chatEndpoints(Chat chat) {
    return servletContext -> {
      servletContext.setAttribute(ChatServletContainerInitializer.ENDPOINTS_ATTRIBUTE, chat.endpoints());
      new ChatServletContainerInitializer().onStartup(Set.of(), servletContext);
    };
  }
}
