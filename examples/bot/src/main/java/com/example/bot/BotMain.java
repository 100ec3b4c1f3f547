package com.example.bot;

import dev.jchat.client.ChatClient;
import dev.jchat.client.ChatException;
import dev.jchat.client.ErrorCode;
import java.net.URI;
import java.time.Clock;

/**
 * Runs the bot: {@code CHAT_URL} (http://localhost:3000), {@code CHAT_ROOM} (general), and the bot's
 * account {@code CHAT_BOT_USER} and {@code CHAT_BOT_PASSWORD}, registered on first use.
 */
public final class BotMain {
  private BotMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    URI url = URI.create(setting("CHAT_URL", "http://localhost:3000"));
    String user = setting("CHAT_BOT_USER", "timebot");
    String password = setting("CHAT_BOT_PASSWORD", null);
    String room = setting("CHAT_ROOM", "general");
    ChatClient client = ChatClient.connectTo(url);
    try {
      client.login(user, password);
    } catch (ChatException e) {
      if (e.code() != ErrorCode.AUTH_FAILED) {
        throw e;
      }
      client.register(user, password); // the first run: the account does not exist yet
    }
    client.connect().join();
    TimeAndWhoBot.start(client, room, Clock.systemUTC()).join();
    System.out.println(user + " answers !time and !who in " + room + " on " + url);
    Thread.currentThread().join(); // the client's threads do the work; stop with Ctrl+C
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    if (value == null && fallback == null) {
      throw new IllegalArgumentException("set " + name);
    }
    return value == null ? fallback : value;
  }
}
