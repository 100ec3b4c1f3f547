package dev.jchat.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.conformance.WireClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real main() in its own process: it says where it listens and stops cleanly on SIGTERM. */
@Timeout(60)
class SigtermTest {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  @TempDir
  Path dataDir;

  @Test
  void sigterm_closes_every_socket_with_1001_and_ends_the_process() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName())
        .redirectErrorStream(true);
    builder.environment().put("PORT", "0"); // a free port, which the log line reports
    builder.environment().put("HOST", "127.0.0.1");
    builder.environment().put("CHAT_DATA_DIR", dataDir.toString());
    Process server = builder.start();
    try {
      int port = portFromLog(server).get(30, TimeUnit.SECONDS);
      try (WireClient client = WireClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws"))) {
        client.emit("ping", null);
        client.awaitEvent("pong");
        server.destroy(); // SIGTERM
        assertThat(client.awaitClose()).isEqualTo(1001);
      }
      assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      server.destroyForcibly();
    }
  }

  /** Reads the server's output to its end (so it never blocks on a full pipe) and finds the port. */
  private static CompletableFuture<Integer> portFromLog(Process server) {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader output = new BufferedReader(
          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = output.readLine()) != null) {
          Matcher matcher = LISTENING.matcher(line);
          if (matcher.find()) {
            port.complete(Integer.parseInt(matcher.group(1)));
          }
        }
        port.completeExceptionally(new AssertionError("the server ended without saying where it listens"));
      } catch (IOException e) {
        port.completeExceptionally(new UncheckedIOException(e));
      }
    });
    reader.setDaemon(true);
    reader.start();
    return port;
  }
}
