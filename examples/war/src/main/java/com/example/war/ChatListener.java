package com.example.war;

import dev.jchat.embedded.Chat;
import dev.jchat.jakarta.servlet.ChatServletContainerInitializer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The whole of the application's own code: builds the chat when the container starts the application
 * and hands it to the Jakarta WebSocket adapter, which the container has already found in
 * {@code WEB-INF/lib} and which serves {@code /ws}, {@code /health} and {@code /api/*}. The token secret
 * comes from the environment, so tokens outlive a redeployment.
 */
@WebListener
public class ChatListener implements ServletContextListener {
  private Chat chat;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    String secret = System.getenv("CHAT_JWT_SECRET");
    if (secret == null) {
      throw new IllegalStateException("set CHAT_JWT_SECRET to a secret of 32 bytes or more");
    }
    chat = Chat.builder().tokenSecret(secret).build();
    event.getServletContext().setAttribute(ChatServletContainerInitializer.ENDPOINTS_ATTRIBUTE, chat.endpoints());
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    chat.close();
  }
}
