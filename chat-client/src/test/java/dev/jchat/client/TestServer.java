package dev.jchat.client;

import dev.jchat.app.ServerProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server jar (app/target/jchat-app.jar, started with the README's command) in a process of its
 * own, on one transport, with a data folder of its own that outlives a restart.
 */
final class TestServer implements AutoCloseable {
  private static final Map<String, TestServer> SHARED = new ConcurrentHashMap<>();

  private final String transport;
  private final Map<String, String> settings;
  private final Path folder;
  private ServerProcess process;
  private int port;

  private TestServer(String transport, Map<String, String> settings, Path folder) {
    this.transport = transport;
    this.settings = settings;
    this.folder = folder;
  }

  /** A server of this transport's own, on a free port. */
  static TestServer start(String transport) throws Exception {
    return start(transport, Map.of());
  }

  /** The same with more settings (environment variables). */
  static TestServer start(String transport, Map<String, String> settings) throws Exception {
    TestServer server = new TestServer(transport, settings, Files.createTempDirectory("jchat-client-" + transport));
    server.launch(0);
    return server;
  }

  /** One server per transport for the whole test run, for tests that do not stop it (each uses users of its own). */
  static TestServer shared(String transport) {
    return SHARED.computeIfAbsent(transport, name -> {
      try {
        TestServer server = start(name);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
      } catch (Exception e) {
        throw new IllegalStateException("the " + name + " server did not start", e);
      }
    });
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  int port() {
    return port;
  }

  /** Stops the server as {@code kill} does: it closes every socket with 1001 and exits. */
  void stop() throws Exception {
    process.terminate();
    process.awaitExit(Duration.ofSeconds(30));
  }

  /** Starts it again after {@link #stop}, on the same port with the same data. */
  void startAgain() throws Exception {
    launch(port);
  }

  private void launch(int wanted) throws Exception {
    Map<String, String> environment = new HashMap<>(settings);
    environment.putAll(Map.of(
        "PORT", Integer.toString(wanted),
        "HOST", "127.0.0.1",
        "CHAT_TRANSPORT", transport,
        "CHAT_REGISTRATIONS_PER_MINUTE", "100000"));
    process = ServerProcess.start(ServerProcess.readmeStartCommand(), environment, folder);
    port = process.awaitPort();
  }

  @Override
  public void close() {
    process.close();
  }
}
