package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.jchat.core.chat.ChatSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md section 6: a client that does not read is dropped once its outgoing queue passes the
 * bound (4429, or the TCP connection aborted), presence lets it go at once, and nobody else is
 * slowed. The bound is 300 frames here (the default is 1000) and sending is not rate-limited, so
 * the queue fills within a few megabytes.
 */
public abstract class SlowConsumerConformance extends ChatConformanceSuite {
  private static final int MAX_MESSAGES = 4000;
  private static final String TEXT = "x".repeat(2000);

  @Override
  protected ChatSettings settings() {
    return fastRatesBuilder().outbox(new ChatSettings.OutboxBounds(300, 1024 * 1024)).build();
  }

  @Test
  void a_client_that_stops_reading_is_cut_off_while_a_healthy_client_in_the_room_gets_every_message()
      throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    Account carol = register("carol");
    try (WireClient sender = connect(alice); WireClient healthy = connect(bob); WireClient slow = connect(carol)) {
      join(sender, "general");
      join(healthy, "general");
      join(slow, "general");
      healthy.awaitEvent("presence:join");
      slow.stopReading();

      List<Long> sent = new ArrayList<>();
      List<Long> received = new ArrayList<>();
      boolean slowGone = false;
      int batchesAfterDrop = 0;
      while (batchesAfterDrop < 3 && sent.size() < MAX_MESSAGES) {
        List<Integer> acks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          acks.add(sender.request("chat:send", data("room", "general", "text", TEXT)));
        }
        for (int ack : acks) {
          JsonObject answer = sender.awaitAnswer(ack);
          assertThat(event(answer)).as(answer.toString()).isEqualTo("ack");
          sent.add(data(answer).get("id").getAsLong());
        }
        while (received.size() < sent.size()) {
          JsonObject frame = healthy.await(f -> "chat:new".equals(event(f)) || "presence:leave".equals(event(f)),
              "chat:new or presence:leave");
          if ("presence:leave".equals(event(frame))) {
            assertThat(data(frame).getAsJsonObject("user").get("id").getAsLong()).isEqualTo(carol.id());
            slowGone = true;
          } else {
            received.add(data(frame).get("id").getAsLong());
          }
        }
        if (slowGone) {
          batchesAfterDrop++;
        }
      }
      assertThat(slowGone).as("the slow client was dropped within %d messages", MAX_MESSAGES).isTrue();
      assertThat(received).as("the healthy client got every message, in order").isEqualTo(sent);

      slow.resumeReading();
      assertThat(slow.awaitClose()).as("4429, or 1006 when the TCP connection was aborted").isIn(4429, 1006);
    }
  }
}
