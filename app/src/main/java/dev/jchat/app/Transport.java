package dev.jchat.app;

import java.util.Locale;

/** The server library that serves the chat: {@code CHAT_TRANSPORT}. */
public enum Transport {
  /** Javalin 7 on Jetty 12, {@code /ws} on Jetty's core WebSocket API: the default. */
  JAVALIN,
  /** The Jakarta WebSocket endpoint on Tyrus 2.2 and Grizzly. */
  JAKARTA;

  /** The name as the setting, the logs and {@code /health} spell it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Transport named(String name) {
    for (Transport transport : values()) {
      if (transport.toString().equals(name)) {
        return transport;
      }
    }
    throw new InvalidSettingException("CHAT_TRANSPORT", name, "expected javalin or jakarta");
  }
}
