package dev.jchat.app;

import static dev.jchat.conformance.Frames.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jchat.conformance.WireClient;
import dev.jchat.jdbc.DatabaseConfig;
import dev.jchat.jdbc.PostgresServer;
import dev.jchat.wire.SecurityHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every start path of the README, the way a user runs it: the built jar in a process of its own. Each
 * serves {@code /health} and a chat between two users, still runs seconds later, and stops cleanly on
 * SIGTERM: every socket closed with 1001, the process ended within seconds with the JVM's status for
 * SIGTERM, nothing logged at ERROR.
 */
@Timeout(180)
class StartPathsIT {
  private static final Duration STAYS_UP = Duration.ofSeconds(5);
  private static final Duration STOPS_WITHIN = Duration.ofSeconds(20);
  /** 128 + 15: how a JVM ends when SIGTERM stopped it and its shutdown hooks ran. */
  private static final int SIGTERM_STATUS = 143;

  @TempDir
  Path workingDir;

  @ParameterizedTest(name = "CHAT_TRANSPORT={0}")
  @ValueSource(strings = {"javalin", "jakarta"})
  void the_readme_start_command_serves_chat_until_sigterm(String transport) throws Exception {
    runsUntilSigterm(ServerProcess.readmeStartCommand(), Map.of("PORT", "0", "CHAT_TRANSPORT", transport),
        transport, "h2");
  }

  @Test
  void system_properties_win_over_the_environment() throws Exception {
    // Were the environment read instead, PORT would stop the start-up and /health would say javalin.
    List<String> command = ServerProcess.withOptions(ServerProcess.readmeStartCommand(),
        "-DPORT=0", "-DCHAT_TRANSPORT=jakarta", "-DCHAT_LOG_FORMAT=json");
    String output = runsUntilSigterm(command, Map.of("PORT", "not-a-port", "CHAT_TRANSPORT", "javalin",
        "CHAT_LOG_FORMAT", "text"), "jakarta", "h2");
    assertThat(output.lines()).as("JSON lines, as -DCHAT_LOG_FORMAT asks").isNotEmpty().allSatisfy(line ->
        assertThat(JsonParser.parseString(line).getAsJsonObject().get("level").getAsString()).isNotBlank());
  }

  @Test
  void the_readme_postgresql_command_keeps_everything_in_postgresql() throws Exception {
    CiRequirement.assumeAvailable(PostgresServer.unreachableBecause());
    String schema = PostgresServer.createSchema();
    try {
      DatabaseConfig database = PostgresServer.config(schema);
      byte[] secret = new byte[48];
      new SecureRandom().nextBytes(secret);
      runsUntilSigterm(ServerProcess.readmeStartCommand(), Map.of("PORT", "0",
          "CHAT_DB_URL", database.url(), "CHAT_DB_USER", database.user(), "CHAT_DB_PASSWORD", database.password(),
          "CHAT_JWT_SECRET", Base64.getEncoder().encodeToString(secret)), "javalin", "postgresql");
    } finally {
      PostgresServer.dropSchema(schema);
    }
  }

  /** Runs a whole start path and returns what the server wrote. */
  private String runsUntilSigterm(List<String> command, Map<String, String> environment, String transport,
                                  String store) throws Exception {
    try (ServerProcess server = ServerProcess.start(command, environment, workingDir)) {
      int port = server.awaitPort();
      LiveChat chat = new LiveChat(port);
      HttpResponse<String> health = chat.http().send(HttpRequest.newBuilder(chat.url("/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      JsonObject parts = JsonParser.parseString(health.body()).getAsJsonObject();
      assertThat(parts.get("transport").getAsString()).isEqualTo(transport);
      assertThat(parts.get("store").getAsString()).isEqualTo(store);
      HttpResponse<String> page = chat.http().send(HttpRequest.newBuilder(chat.url("/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy")).as("the page's policy")
          .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
      assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

      try (WireClient alice = chat.joinGeneral("alice"); WireClient bob = chat.joinGeneral("bob")) {
        alice.awaitAnswer(alice.request("chat:send", data("room", "general", "text", "hello bob")));
        JsonObject received = data(bob.awaitEvent("chat:new"));
        assertThat(received.get("text").getAsString()).isEqualTo("hello bob");
        assertThat(received.get("user").getAsString()).isEqualTo("alice");

        assertThat(server.runs(STAYS_UP)).as("still running %s s after it said it listens:%n%s",
            STAYS_UP.toSeconds(), server.output()).isTrue();

        server.terminate();
        assertThat(alice.awaitClose()).isEqualTo(1001);
        assertThat(bob.awaitClose()).isEqualTo(1001);
      }
      assertThat(server.awaitExit(STOPS_WITHIN)).as(server.output()).isEqualTo(SIGTERM_STATUS);
      assertThat(server.output()).contains("stopping: closing connections").doesNotContain(" ERROR ")
          .as("a line for each connection opened and closed, by whom, from where, how and after how long")
          .containsPattern("connection \\S+ opened from 127\\.0\\.0\\.1")
          .containsPattern("connection \\S+ closed by the server with 1001 \\(server shutting down\\): user alice, "
              + "from 127\\.0\\.0\\.1, origin null, after \\d+ ms")
          .as("never message text, passwords or tokens").doesNotContain("hello bob", "password1", "eyJ");
      return server.output();
    }
  }
}
