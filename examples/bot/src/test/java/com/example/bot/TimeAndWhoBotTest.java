package com.example.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.client.ChatClient;
import dev.jchat.client.Message;
import dev.jchat.client.RoomListener;
import dev.jchat.embedded.Chat;
import dev.jchat.javalin.JavalinTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot in a room of a real server (Javalin, started here), asked by a user over the same client library. */
class TimeAndWhoBotTest {
  private static final Clock NOON = Clock.fixed(Instant.parse("2030-01-01T12:00:00Z"), ZoneOffset.UTC);

  private Chat chat;
  private JavalinTransport server;
  private ChatClient bot;
  private ChatClient alice;
  private final BlockingQueue<Message> alicesRoom = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    chat = Chat.builder().tokenSecret("read-me-from-your-configuration-32+bytes").build();
    server = JavalinTransport.start(chat.endpoints(), "127.0.0.1", 0);
    URI url = URI.create("http://127.0.0.1:" + server.port());
    bot = ChatClient.connectTo(url);
    bot.register("timebot", "bot-password");
    alice = ChatClient.connectTo(url);
    alice.register("alice", "alice-password");
    alice.connect().get(10, TimeUnit.SECONDS);
    RoomListener listener = alicesRoom::add;
    alice.join("general", listener).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    alice.close();
    bot.close();
    server.close();
    chat.close();
  }

  @Test
  void answersTimeAndWhoButNotWhatWasSaidBeforeItCame() throws Exception {
    alice.send("general", "!time").get(10, TimeUnit.SECONDS); // before the bot: not for it
    assertThat(next().text()).isEqualTo("!time");
    bot.connect().get(10, TimeUnit.SECONDS);
    TimeAndWhoBot.start(bot, "general", NOON).get(10, TimeUnit.SECONDS);

    alice.send("general", "!time");
    assertThat(next().text()).isEqualTo("!time");
    Message answer = next();
    assertThat(answer.user()).isEqualTo("timebot");
    assertThat(answer.text()).isEqualTo("It is 2030-01-01T12:00:00Z (UTC).");

    alice.send("general", "!who");
    assertThat(next().text()).isEqualTo("!who");
    assertThat(next().text()).isEqualTo("Here: alice, timebot.");
  }

  private Message next() throws InterruptedException {
    Message message = alicesRoom.poll(10, TimeUnit.SECONDS);
    assertThat(message).as("a message within 10 s").isNotNull();
    return message;
  }
}
