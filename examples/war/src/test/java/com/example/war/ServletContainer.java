package com.example.war;

import dev.jchat.conformance.TestChat;
import dev.jchat.wire.ChatServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A servlet container distribution, unpacked from its Maven artifact by the build, running the WAR
 * as its root application in a process of its own, as an operator runs it. Each start is a new
 * process on a free port; {@link #close} stops it (SIGTERM, then a kill), and so does the end of the
 * test JVM, however it ends.
 */
final class ServletContainer implements ChatServer {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  /** Faster start-up for a short-lived process; the container runs as it ships otherwise. */
  private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  private static final AtomicInteger STARTS = new AtomicInteger();

  private final Process process;
  private final int port;
  private final Thread killOnExit;

  private ServletContainer(Process process, int port) {
    this.process = process;
    this.port = port;
    this.killOnExit = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Tomcat from {@code tomcat.home}, with a base of its own that deploys the WAR as ROOT. */
  static ServletContainer tomcat() throws Exception {
    Path home = Path.of(System.getProperty("tomcat.home"));
    Path base = Files.createDirectories(Path.of("target", "tomcat-base").toAbsolutePath());
    Files.createDirectories(base.resolve("conf"));
    Files.createDirectories(base.resolve("logs"));
    Files.createDirectories(base.resolve("temp"));
    Files.createDirectories(base.resolve("webapps"));
    Files.copy(home.resolve("conf/web.xml"), base.resolve("conf/web.xml"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(war(), base.resolve("webapps/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
    int port = freePort();
    Files.writeString(base.resolve("conf/server.xml"), """
        <Server port="-1" shutdown="SHUTDOWN">
          <Service name="Catalina">
            <Connector port="%d" address="127.0.0.1" protocol="HTTP/1.1"/>
            <Engine name="Catalina" defaultHost="localhost">
              <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false"/>
            </Engine>
          </Service>
        </Server>
        """.formatted(port));
    List<String> command = new ArrayList<>(List.of(JAVA));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-Dcatalina.home=" + home, "-Dcatalina.base=" + base,
        "-Djava.io.tmpdir=" + base.resolve("temp"),
        "-cp", home.resolve("bin/bootstrap.jar") + File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
        "org.apache.catalina.startup.Bootstrap", "start"));
    return start("tomcat", command, base, port, "Server startup in");
  }

  /** Jetty from {@code jetty.home}, with a base of its own (HTTP, EE10 deployment, Jakarta WebSocket). */
  static ServletContainer jetty() throws Exception {
    Path home = Path.of(System.getProperty("jetty.home"));
    Path base = Path.of("target", "jetty-base").toAbsolutePath();
    if (!Files.isDirectory(base.resolve("start.d"))) {
      Files.createDirectories(base);
      run(List.of(JAVA, "-jar", home.resolve("start.jar").toString(), "jetty.home=" + home, "jetty.base=" + base,
          "--add-modules=http,ee10-deploy,ee10-websocket-jakarta"), base);
    }
    Files.createDirectories(base.resolve("temp"));
    Files.copy(war(), base.resolve("webapps/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(JAVA));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-Djava.io.tmpdir=" + base.resolve("temp"), "-jar", home.resolve("start.jar").toString(),
        "jetty.home=" + home, "jetty.base=" + base, "jetty.http.host=127.0.0.1", "jetty.http.port=" + port));
    return start("jetty", command, base, port, "Started oejs.Server@");
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    }
  }

  /**
   * Starts the container, copies its output to a log file under {@code target}, and returns once it
   * printed {@code readyLine} and the application answers {@code /health}.
   */
  private static ServletContainer start(String name, List<String> command, Path base, int port, String readyLine)
      throws Exception {
    Path log = Files.createDirectories(Path.of("target", "container-logs"))
        .resolve(name + "-" + STARTS.incrementAndGet() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true);
    builder.environment().put("CHAT_JWT_SECRET", new String(TestChat.SECRET, StandardCharsets.UTF_8));
    ServletContainer container = new ServletContainer(builder.start(), port);
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread pump = new Thread(() -> copyOutput(container.process, log, readyLine, ready), name + "-output");
    pump.setDaemon(true);
    pump.start();
    try {
      ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(10))
              .build(), HttpResponse.BodyHandlers.ofString());
      if (health.statusCode() != 200) {
        throw new IllegalStateException(name + " started but the application answers /health with "
            + health.statusCode() + "; see " + log);
      }
      return container;
    } catch (Exception e) {
      container.close();
      throw new IllegalStateException(name + " did not start the application; see " + log, e);
    }
  }

  /** Copies the output line by line; completes {@code ready} at the ready line, fails it at the end of the output. */
  private static void copyOutput(Process process, Path log, String readyLine, CompletableFuture<Void> ready) {
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         PrintWriter file = new PrintWriter(Files.newBufferedWriter(log), true)) {
      String line;
      while ((line = output.readLine()) != null) {
        file.println(line);
        if (line.contains(readyLine)) {
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IllegalStateException("the process ended before it was ready"));
  }

  /** Runs a setup command to its end, failing on a non-zero exit. */
  private static void run(List<String> command, Path directory) throws IOException, InterruptedException {
    Process setup = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(directory.resolve("setup.log").toFile()).start();
    if (!setup.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || setup.exitValue() != 0) {
      setup.destroyForcibly();
      throw new IllegalStateException("setting up failed: " + command + "; see " + directory.resolve("setup.log"));
    }
  }

  private static Path war() {
    return Path.of(System.getProperty("war"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
