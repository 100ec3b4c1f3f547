package dev.jchat.app;

import static dev.jchat.conformance.Frames.data;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.conformance.WireClient;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /metrics}: the counters move with chat traffic; the setting turns it off or moves it. */
@Timeout(60)
class MetricsTest {
  @TempDir
  Path dataDir;

  private ChatApplication start(Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.putAll(Map.of("PORT", "0", "HOST", "127.0.0.1", "CHAT_DATA_DIR", dataDir.toString()));
    return ChatApplication.start(ChatConfig.from(environment, new Properties()));
  }

  private static HttpResponse<String> get(LiveChat chat, URI url) throws Exception {
    return chat.http().send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of one sample line, such as {@code jchat_messages_stored_total 3.0}; 0 when absent. */
  private static double sample(String scrape, String series) {
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    return line.find() ? Double.parseDouble(line.group(1)) : 0;
  }

  @ParameterizedTest
  @ValueSource(strings = {"javalin", "jakarta"})
  void the_counters_move_with_chat_traffic(String transport) throws Exception {
    try (ChatApplication app = start(Map.of("CHAT_TRANSPORT", transport))) {
      LiveChat chat = new LiveChat(app.port());
      try (WireClient alice = chat.joinGeneral("alice"); WireClient bob = chat.joinGeneral("bob");
           WireClient forged = WireClient.connect(URI.create("ws://127.0.0.1:" + app.port() + "/ws"))) {
        for (int i = 0; i < 3; i++) {
          alice.awaitAnswer(alice.request("chat:send", data("room", "general", "text", "hello " + i)));
        }
        bob.awaitEvent("chat:new");
        forged.request("auth", data("token", "forged"));
        assertThat(forged.awaitClose()).isEqualTo(4401);

        HttpResponse<String> metrics = get(chat, chat.url("/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("text/plain"));
        String scrape = metrics.body();
        assertThat(sample(scrape, "jchat_connections_open{transport=\"" + transport + "\"}")).isEqualTo(2);
        assertThat(sample(scrape, "jchat_messages_stored_total")).isEqualTo(3);
        assertThat(sample(scrape, "jchat_ack_latency_seconds_count")).isEqualTo(3);
        assertThat(sample(scrape, "jchat_store_batch_size_count")).isBetween(1.0, 3.0);
        assertThat(sample(scrape, "jchat_deliveries_total")).as("3 messages to 2 members, and presence")
            .isGreaterThanOrEqualTo(6);
        assertThat(sample(scrape, "jchat_frames_in_total")).as("2 auths, 2 joins, 3 sends, 1 forged auth")
            .isEqualTo(8);
        assertThat(sample(scrape, "jchat_writes_total")).as("sends to connections").isPositive();
        assertThat(sample(scrape, "jchat_frames_out_total")).as("frames, one or more a send").isPositive();
        assertThat(sample(scrape, "jchat_auth_failures_total")).isEqualTo(1);
        assertThat(sample(scrape, "jchat_closes_total{code=\"4401\"}")).isEqualTo(1);
        assertThat(sample(scrape, "jchat_store_errors_total")).isZero();
      }
    }
  }

  @Test
  void rate_limited_answers_are_counted() throws Exception {
    try (ChatApplication app = start(Map.of())) {
      LiveChat chat = new LiveChat(app.port());
      try (WireClient alice = chat.joinGeneral("alice")) {
        for (int i = 0; i < 10; i++) {
          alice.emit("typing:start", data("room", "general")); // 5 are allowed at once
        }
        alice.awaitEvent("chat:error");
        assertThat(sample(get(chat, chat.url("/metrics")).body(), "jchat_rate_limited_total")).isPositive();
      }
    }
  }

  @Test
  void metrics_can_be_turned_off() throws Exception {
    try (ChatApplication app = start(Map.of("CHAT_METRICS", "off"))) {
      LiveChat chat = new LiveChat(app.port());
      assertThat(get(chat, chat.url("/metrics")).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void metrics_can_move_to_a_port_of_their_own() throws Exception {
    int metricsPort;
    try (ServerSocket free = new ServerSocket(0)) {
      metricsPort = free.getLocalPort();
    }
    try (ChatApplication app = start(Map.of("CHAT_METRICS", Integer.toString(metricsPort)))) {
      LiveChat chat = new LiveChat(app.port());
      assertThat(get(chat, chat.url("/metrics")).statusCode()).as("not on the public port").isEqualTo(404);
      HttpResponse<String> metrics = get(chat, URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("jchat_connections_open");
    }
  }
}
