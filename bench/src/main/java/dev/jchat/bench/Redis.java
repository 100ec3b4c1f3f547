package dev.jchat.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Redis that a deployment's instances share, as the generator sees it: its counters ({@code INFO},
 * asked over a plain socket in Redis's protocol, RESP), its CPU ({@code /proc} of its pid, when it runs
 * on this machine), and the removal of a run's keys. Its figures are Redis-wide: on a Redis that other
 * work uses too, they include that work.
 */
final class Redis {
  private static final Pattern PUBLISH_CALLS = Pattern.compile("cmdstat_publish:calls=(\\d+)");
  private static final Pattern OUTPUT_BYTES = Pattern.compile("total_net_output_bytes:(\\d+)");
  private static final Pattern PROCESS_ID = Pattern.compile("process_id:(\\d+)");

  private final String url;
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final long pid;

  private Redis(String url) {
    URI uri = URI.create(url);
    if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("--redis-url takes redis://[:password@]host[:port], not " + url);
    }
    this.url = url;
    this.host = uri.getHost();
    this.port = uri.getPort() < 0 ? 6379 : uri.getPort();
    String[] credentials = uri.getUserInfo() == null ? new String[0] : uri.getUserInfo().split(":", 2);
    this.user = credentials.length == 2 && !credentials[0].isEmpty() ? credentials[0] : null;
    this.password = credentials.length == 2 ? credentials[1] : null;
    this.pid = pidOnThisMachine();
  }

  /** The Redis at {@code --redis-url} (default redis://127.0.0.1:6379); fails when it does not answer. */
  static Redis of(Options options) {
    return new Redis(options.text("redis-url", "redis://127.0.0.1:6379"));
  }

  String url() {
    return url;
  }

  /** The redis-server process, or -1 when it is not on this machine (its CPU is then not read). */
  long pid() {
    return pid;
  }

  /** Its CPU time so far (-1 when unknown), PUBLISH calls and bytes sent to its clients. */
  Reading read() {
    String commands = info("commandstats");
    String stats = info("stats");
    return new Reading(pid < 0 ? -1 : Proc.cpuNanos(pid), first(PUBLISH_CALLS, commands, 0),
        first(OUTPUT_BYTES, stats, -1));
  }

  /** What Redis did between two readings; the CPU is -1 when it could not be read. */
  record Reading(long cpuNanos, long publishes, long outputBytes) {
    Reading since(Reading start) {
      return new Reading(cpuNanos < 0 || start.cpuNanos < 0 ? -1 : cpuNanos - start.cpuNanos,
          publishes - start.publishes, outputBytes - start.outputBytes);
    }
  }

  /** Deletes every key whose name starts with {@code prefix} (what a run's instances left behind). */
  void deleteKeys(String prefix) {
    try (Session session = new Session()) {
      String cursor = "0";
      do {
        List<?> page = (List<?>) session.call("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "500");
        cursor = (String) page.get(0);
        List<String> keys = new ArrayList<>(List.of("DEL"));
        ((List<?>) page.get(1)).forEach(key -> keys.add((String) key));
        if (keys.size() > 1) {
          session.call(keys.toArray(String[]::new));
        }
      } while (!cursor.equals("0"));
    }
  }

  private String info(String section) {
    try (Session session = new Session()) {
      return (String) session.call("INFO", section);
    }
  }

  /** The pid INFO reports, if that process here is a redis-server (a Redis in a container reports its own pid). */
  private long pidOnThisMachine() {
    long reported = first(PROCESS_ID, info("server"), -1);
    try {
      String name = Files.readString(Path.of("/proc", Long.toString(reported), "comm")).trim();
      return name.startsWith("redis") ? reported : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static long first(Pattern pattern, String text, long fallback) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : fallback;
  }

  /** One connection: commands out as RESP arrays, replies in as String, Long or List. */
  private final class Session implements AutoCloseable {
    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;

    Session() {
      try {
        socket.connect(new InetSocketAddress(host, port), 3000);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
      } catch (IOException e) {
        throw new IllegalStateException("Redis at " + url + " does not answer: " + e.getMessage(), e);
      }
      if (password != null) {
        call(user == null ? new String[] {"AUTH", password} : new String[] {"AUTH", user, password});
      }
    }

    Object call(String... args) {
      try {
        StringBuilder command = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
          command.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg)
              .append("\r\n");
        }
        out.write(command.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply();
      } catch (IOException e) {
        throw new IllegalStateException("Redis at " + url + ": " + e.getMessage(), e);
      }
    }

    private Object reply() throws IOException {
      String line = line();
      String rest = line.substring(1);
      switch (line.charAt(0)) {
        case '+':
          return rest;
        case '-':
          throw new IllegalStateException("Redis at " + url + " answered " + rest);
        case ':':
          return Long.parseLong(rest);
        case '$': {
          int length = Integer.parseInt(rest);
          if (length < 0) {
            return null;
          }
          String bulk = new String(in.readNBytes(length), StandardCharsets.UTF_8);
          line(); // the CRLF after the bulk
          return bulk;
        }
        case '*': {
          List<Object> items = new ArrayList<>();
          for (int i = Integer.parseInt(rest); i > 0; i--) {
            items.add(reply());
          }
          return items;
        }
        default:
          throw new IOException("unexpected reply " + line);
      }
    }

    private String line() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          bytes.write(c);
        }
      }
      return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // nothing left to do
      }
    }
  }
}
