package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static dev.jchat.conformance.Frames.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.jchat.core.chat.ChatSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md sections 2 and 3 on time: the auth timeout (4408), server pings, and the idle close
 * (1001). The timings are scaled down (auth 400 ms, ping every 150 ms, idle after 1 s) so the
 * rules show within a second or two.
 */
public abstract class LivenessConformance extends ChatConformanceSuite {
  private static final Duration AUTH_TIMEOUT = Duration.ofMillis(400);
  private static final Duration IDLE_TIMEOUT = Duration.ofMillis(1000);
  private static final Duration PING_INTERVAL = Duration.ofMillis(150);

  @Override
  protected ChatSettings settings() {
    return ChatSettings.builder().timeouts(new ChatSettings.Timeouts(AUTH_TIMEOUT, IDLE_TIMEOUT, PING_INTERVAL,
        Duration.ofMillis(50), ChatSettings.defaults().timeouts().slowConsumerGrace())).build();
  }

  @Test
  void a_connection_without_auth_in_time_is_closed_with_4408_even_if_it_pings() throws Exception {
    try (WireClient client = WireClient.connect(ws())) {
      client.emit("ping", null);
      assertThat(event(client.next())).isEqualTo("pong");
      long start = System.nanoTime();
      assertThat(client.awaitClose()).isEqualTo(4408);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AUTH_TIMEOUT.plusSeconds(2));
    }
  }

  @Test
  void a_connection_that_authenticated_in_time_outlives_the_auth_timeout() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      client.awaitPings(6); // 6 pings 150 ms apart: past the 400 ms auth timeout
      assertThat(client.framesUntilPong()).isEmpty();
      assertThat(client.isClosed()).isFalse();
    }
  }

  @Test
  void the_server_sends_websocket_pings_at_its_interval() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      long start = System.nanoTime();
      client.awaitPings(3);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void a_client_that_answers_pings_is_not_idle_even_when_it_sends_nothing_else() throws Exception {
    Account alice = register("alice");
    try (WireClient client = connect(alice)) {
      client.awaitPings(14); // about 2 s of pongs only: twice the idle timeout
      assertThat(client.isClosed()).isFalse();
      assertThat(client.framesUntilPong()).isEmpty();
    }
  }

  @Test
  void a_client_that_sends_nothing_and_never_pongs_is_closed_with_1001() throws Exception {
    Account alice = register("alice");
    try (RawWebSocket raw = RawWebSocket.connect(server.port(), Map.of())) {
      long start = System.nanoTime(); // before the server hears the last frame, so before its idle clock starts
      raw.sendText("{\"event\":\"auth\",\"data\":{\"token\":\"" + alice.token() + "\"},\"ack\":1}");
      JsonObject ack = Frames.parse(raw.read(WireClient.TIMEOUT).text());
      assertThat(event(ack)).isEqualTo("ack");
      assertThat(data(ack).getAsJsonObject("user").get("id").getAsLong()).isEqualTo(alice.id());
      assertThat(raw.awaitClose(Duration.ofSeconds(10))).isEqualTo(1001);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(IDLE_TIMEOUT);
      assertThat(raw.pingsSeen()).as("pings the client left unanswered").isGreaterThanOrEqualTo(1);
    }
  }
}
