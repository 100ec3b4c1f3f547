package dev.jchat.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built jar in a process of its own, started with the README's start command from a folder of
 * its own (so {@code ./data} is fresh). It keeps the process's output and reads the port from the
 * line that says where the server listens. Public, in the app's test jar, for the client's tests
 * that start the server the same way.
 */
public final class ServerProcess implements AutoCloseable {
  /** The line that says where the server listens, as text or inside a JSON line (which may escape a slash). */
  private static final Pattern LISTENING = Pattern.compile("chat server listening on http:\\\\?/\\\\?/\\S+:(\\d+) ");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  /** Settings a developer may have exported in the shell that runs the build: they would change what starts. */
  private static final Pattern INHERITED_SETTING = Pattern.compile("PORT|HOST|CHAT_.*");

  private final Process process;
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private final CompletableFuture<Listening> listening = new CompletableFuture<>();
  private final CountDownLatch outputEnded = new CountDownLatch(1);

  private record Listening(int port, Instant since) {
  }

  private ServerProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "server-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * The README's start command ({@code java … -jar app/target/jchat-app.jar}, after the build), with
   * this JVM's {@code java} and the jar's full path.
   */
  public static List<String> readmeStartCommand() throws IOException {
    String line = Repository.readmeStartLine();
    List<String> words = new ArrayList<>(List.of(line.substring(line.indexOf(" && java ") + 4).split("\\s+")));
    int jar = words.indexOf("-jar") + 1;
    if (jar == 0 || jar != words.size() - 1) {
      throw new AssertionError("the README's start command does not end with -jar FILE: " + line);
    }
    words.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    words.set(jar, Repository.file(words.get(jar)).toString());
    return words;
  }

  /** The same command with JVM options added before {@code -jar}. */
  public static List<String> withOptions(List<String> command, String... options) {
    List<String> extended = new ArrayList<>(command);
    extended.addAll(command.indexOf("-jar"), List.of(options));
    return extended;
  }

  /** Starts {@code command} in {@code directory} with these environment variables (and none of the shell's settings). */
  public static ServerProcess start(List<String> command, Map<String, String> environment, Path directory)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> INHERITED_SETTING.matcher(name).matches());
    builder.environment().putAll(environment);
    return new ServerProcess(builder.start());
  }

  /** The port from the server's log line, once it says it listens. */
  public int awaitPort() throws InterruptedException {
    return awaitListening().port();
  }

  /** The resident memory of the process now, in MB (Linux: {@code /proc/PID/status}). */
  long residentMegabytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for process " + process.pid());
  }

  /** Whether the process still runs {@code time} after it said it listens. */
  boolean runs(Duration time) throws InterruptedException {
    Duration left = Duration.between(Instant.now(), awaitListening().since().plus(time));
    return !process.waitFor(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
  }

  /**
   * Sends SIGTERM, as {@code kill}, {@code docker stop} and systemd do; through the process handle,
   * because {@link Process#destroy()} also closes the output pipe and what the server says while it
   * stops would be lost.
   */
  public void terminate() {
    process.toHandle().destroy();
  }

  /**
   * The exit status once the process ended and its output was read to the end, or an assertion
   * error when that takes longer than {@code timeout}.
   */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        || !outputEnded.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the server still runs " + timeout.toSeconds() + " s after SIGTERM:\n" + output());
    }
    return process.exitValue();
  }

  /** Everything the process wrote so far, standard error included. */
  public String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  private Listening awaitListening() throws InterruptedException {
    try {
      return listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the server did not say where it listens:\n" + output(), e);
    }
  }

  /** Reads the output to its end, so the process never blocks on a full pipe. */
  private void readOutput() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          listening.complete(new Listening(Integer.parseInt(matcher.group(1)), Instant.now()));
        }
      }
      listening.completeExceptionally(new IllegalStateException("the output ended"));
    } catch (IOException e) {
      listening.completeExceptionally(new UncheckedIOException(e));
    } finally {
      outputEnded.countDown();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
