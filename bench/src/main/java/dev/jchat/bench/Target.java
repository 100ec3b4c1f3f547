package dev.jchat.bench;

import dev.jchat.bench.client.BenchClient;
import dev.jchat.bench.client.JchatClient;
import dev.jchat.bench.client.Measurements;
import dev.jchat.bench.client.SocketIoClient;
import dev.jchat.bench.net.EventLoop;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server under load: ours over its own protocol ({@code jchat}) or over Socket.IO
 * ({@code jchat-socketio}: the same server, driven by the same Socket.IO client as the peer), or the
 * Socket.IO peer, either started here as a child
 * process on a free loopback port (stopped by {@link #close}), or a running one given by address and
 * pid. Knows how to make a client for it and how to read its CPU and memory.
 */
final class Target implements AutoCloseable {
  enum Kind { JCHAT, JCHAT_SOCKETIO, PEER }

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern STORE = Pattern.compile("\"store\":\"([^\"]+)\"");
  private static final Pattern HEAP_USED = Pattern.compile("\"heapUsed\":(\\d+)");
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final Kind kind;
  private final String baseUrl;
  private final long pid;
  private final Process process;
  private final Path dataDir;
  private final String store;

  private Target(Kind kind, String baseUrl, long pid, Process process, Path dataDir, String store) {
    this.kind = kind;
    this.baseUrl = baseUrl;
    this.pid = pid;
    this.process = process;
    this.dataDir = dataDir;
    this.store = store;
  }

  static Kind kind(String name) {
    return switch (name) {
      case "jchat", "ours" -> Kind.JCHAT;
      case "jchat-socketio", "ours-socketio" -> Kind.JCHAT_SOCKETIO;
      case "peer", "socket.io" -> Kind.PEER;
      default -> throw new IllegalArgumentException("a target is jchat, jchat-socketio, jchat-redis-N (N instances on"
          + " Redis) or peer, not " + name);
    };
  }

  /** A server that runs already: the generator only reads its /proc entries. */
  static Target attach(Kind kind, String baseUrl, long pid) {
    String health = waitHealthy(baseUrl, null, Duration.ofSeconds(10));
    return new Target(kind, baseUrl, pid, null, null, storeOf(health));
  }

  /** Starts our server from its jar, to be driven as {@code kind}; {@code env} adds settings such as CHAT_DB_URL. */
  static Target startJchat(Options options, Map<String, String> env, Kind kind) {
    Path jar = Path.of(options.text("jar", "app/target/jchat-app.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with mvn -q install -DskipTests");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String opt : options.text("jvm-opts", "").split(" ")) {
      if (!opt.isBlank()) {
        command.add(opt);
      }
    }
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    Path dataDir = tempDir("jchat-bench-data");
    Map<String, String> settings = new HashMap<>(env);
    settings.put("CHAT_DATA_DIR", dataDir.toString());
    settings.put("CHAT_REGISTRATIONS_PER_MINUTE", "1000000"); // every bench user registers from this one address
    return start(kind, command, null, settings, dataDir);
  }

  /** Starts the Socket.IO peer with node (and --expose-gc, so its heap can be read after a GC). */
  static Target startPeer(Options options) {
    Path peerDir = Path.of(options.text("peer-dir", "bench/peer"));
    if (!Files.isDirectory(peerDir.resolve("node_modules"))) {
      throw new IllegalStateException(peerDir + "/node_modules is missing: run npm ci in " + peerDir);
    }
    List<String> command = List.of(options.text("node", "node"), "--expose-gc", "server.js");
    return start(Kind.PEER, command, peerDir, Map.of(), null);
  }

  private static Target start(Kind kind, List<String> command, Path directory, Map<String, String> env, Path dataDir) {
    int port = freePort();
    Path log = logFile(kind);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().putAll(env);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("HOST", "127.0.0.1");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command + ": " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    String baseUrl = "http://127.0.0.1:" + port;
    try {
      String health = waitHealthy(baseUrl, process, START_TIMEOUT);
      return new Target(kind, baseUrl, process.pid(), process, dataDir, storeOf(health));
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw new IllegalStateException(e.getMessage() + "; its log: " + log, e);
    }
  }

  private static String waitHealthy(String baseUrl, Process process, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue()
            + " before it answered /health");
      }
      try {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return response.body();
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      sleep(200);
    }
    throw new IllegalStateException(baseUrl + "/health did not answer 200 within " + timeout.toSeconds() + " s: "
        + last);
  }

  String baseUrl() {
    return baseUrl;
  }

  long pid() {
    return pid;
  }

  /** The store our server reports on /health ({@code memory}, {@code h2}, {@code postgres}…); "-" for the peer. */
  String store() {
    return store;
  }

  String label() {
    return switch (kind) {
      case JCHAT -> "jchat";
      case JCHAT_SOCKETIO -> "jchat-socketio";
      case PEER -> "socket.io";
    };
  }

  /** Whether this is our server (a JVM, with accounts), whichever protocol drives it. */
  boolean ours() {
    return kind != Kind.PEER;
  }

  boolean needsAccounts() {
    return ours();
  }

  BenchClient client(Measurements measurements, int index, String room, EventLoop loop, String token, Long since) {
    return switch (kind) {
      case JCHAT -> new JchatClient(measurements, index, room, loop, token, since);
      case JCHAT_SOCKETIO -> new SocketIoClient(measurements, index, room, loop, token);
      case PEER -> new SocketIoClient(measurements, index, loop);
    };
  }

  long rssBytes() {
    return Proc.rssBytes(pid);
  }

  /** Heap in use, after a full GC when asked; -1 when it cannot be read. */
  long heapBytes(boolean afterGc) {
    try {
      if (ours()) {
        return Proc.jvmHeapUsed(pid, afterGc);
      }
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
          URI.create(baseUrl + "/bench/memory" + (afterGc ? "?gc=1" : ""))).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher used = HEAP_USED.matcher(response.body());
      return used.find() ? Long.parseLong(used.group(1)) : -1;
    } catch (IOException | RuntimeException e) {
      System.err.println("heap of " + label() + " unreadable: " + e.getMessage());
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    if (dataDir != null) {
      deleteTree(dataDir);
    }
  }

  private static String storeOf(String health) {
    Matcher store = STORE.matcher(health);
    return store.find() ? store.group(1) : "-";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port: " + e.getMessage(), e);
    }
  }

  private static Path logFile(Kind kind) {
    Path dir = Path.of(System.getProperty("bench.logs", System.getProperty("java.io.tmpdir") + "/jchat-bench-logs"));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + dir, e);
    }
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    return dir.resolve(kind.name().toLowerCase() + "-" + time + ".log");
  }

  private static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary folder", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
