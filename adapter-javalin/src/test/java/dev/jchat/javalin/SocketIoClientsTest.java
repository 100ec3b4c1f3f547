package dev.jchat.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.conformance.TestChat;
import dev.jchat.core.chat.ChatSettings;
import dev.jchat.core.domain.User;
import dev.jchat.wire.ChatServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official Socket.IO client for Node.js (npm {@code socket.io-client} 4.x) against {@code
 * /socket.io/} of the Javalin transport, as child processes: the Node test files in {@code
 * src/test/node} with Node's test runner, against two servers this test starts (one with the
 * protocol's settings, one whose outboxes hold only a few frames and whose sending is not
 * rate-limited), and the example in {@code examples/socketio-client}.
 */
class SocketIoClientsTest {
  private static final Path TESTS = Path.of("src/test/node");
  private static final Path EXAMPLE = Path.of("../examples/socketio-client");
  private static final int SMALL_OUTBOX_FRAMES = 20;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void the_official_javascript_client_passes_the_socket_io_binding_tests() throws Exception {
    installPackages(TESTS);
    ChatSettings.Limits limits = ChatSettings.defaults().limits();
    ChatSettings.RateLimit unlimited = new ChatSettings.RateLimit(1_000_000, 1_000_000);
    ChatSettings smallOutbox = ChatSettings.builder()
        .outbox(new ChatSettings.OutboxBounds(SMALL_OUTBOX_FRAMES, 1024 * 1024))
        .limits(new ChatSettings.Limits(unlimited, limits.typing(), unlimited, limits.maxRefusedPerMinute(),
            limits.maxConnectionsPerUser()))
        .build();
    try (TestChat chat = new TestChat(ChatSettings.defaults(), "javalin");
         TestChat small = new TestChat(smallOutbox, "javalin");
         ChatServer server = JavalinTransport.start(chat.endpoints(), "127.0.0.1", 0);
         ChatServer smallServer = JavalinTransport.start(small.endpoints(), "127.0.0.1", 0)) {
      String expired = chat.token(new User(1, "someone"), Duration.ofMinutes(-5));
      Map<String, String> env = Map.of(
          "BASE_URL", "http://127.0.0.1:" + server.port(),
          "SMALL_OUTBOX_URL", "http://127.0.0.1:" + smallServer.port(),
          "SMALL_OUTBOX_FRAMES", String.valueOf(SMALL_OUTBOX_FRAMES),
          "EXPIRED_TOKEN", expired);

      Run run = node(TESTS, env, "node", "--test", "--test-timeout=60000", "--test-reporter=spec");

      System.out.println(run.output());
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).containsPattern("pass [1-9]").contains("fail 0");
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void the_example_client_chats_and_gets_back_what_it_missed_after_a_reconnect() throws Exception {
    installPackages(EXAMPLE);
    try (TestChat chat = new TestChat(ChatSettings.defaults(), "javalin");
         ChatServer server = JavalinTransport.start(chat.endpoints(), "127.0.0.1", 0)) {

      Run run = node(EXAMPLE, Map.of("CHAT_URL", "http://127.0.0.1:" + server.port()), "node", "chat.mjs");

      System.out.println(run.output());
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).contains("alice <- 1 message(s) since", "alice recovered what she missed");
    }
  }

  /** The locked packages, once per checkout (as bench/peer's). */
  private static void installPackages(Path dir) throws Exception {
    if (!Files.isDirectory(dir.resolve("node_modules/socket.io-client"))) {
      Run install = node(dir, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
      assertThat(install.exitCode()).as(install.output()).isZero();
    }
  }

  private record Run(int exitCode, String output) {
  }

  private static Run node(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    File log = File.createTempFile("socketio-node", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(log);
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(4, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
      return new Run(process.isAlive() ? -1 : process.exitValue(),
          Files.readString(log.toPath(), StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log.toPath());
    }
  }
}
