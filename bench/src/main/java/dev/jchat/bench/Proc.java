package dev.jchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What Linux tells about a process: CPU time from {@code /proc/<pid>/stat}, resident memory from
 * {@code /proc/<pid>/status}, and the whole machine's CPU from {@code /proc/stat}. A JVM's heap comes
 * from {@code jcmd <pid> GC.heap_info} (after {@code GC.run} when asked for a figure after GC).
 */
final class Proc {
  /** USER_HZ: the unit of /proc CPU times, 100 on every Linux this runs on. */
  private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1) / 100;
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private Proc() {
  }

  /** User plus system CPU time of the process, in nanoseconds. */
  static long cpuNanos(long pid) {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
  }

  /** System (kernel) CPU time of the process alone, in nanoseconds: syscalls such as socket reads and writes. */
  static long systemCpuNanos(long pid) {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[12]) * TICK_NANOS;
  }

  /** Write system calls the process made so far (write, writev, sendmsg...), from /proc/<pid>/io; -1 if unreadable. */
  static long writeCalls(long pid) {
    try {
      return read(Path.of("/proc", Long.toString(pid), "io")).lines().filter(line -> line.startsWith("syscw:"))
          .mapToLong(line -> Long.parseLong(line.substring("syscw:".length()).trim())).findFirst().orElse(-1);
    } catch (IllegalStateException e) {
      return -1;
    }
  }

  /**
   * CPU time per thread name (digits folded, so pools add up), from /proc/<pid>/task, summed over the
   * processes (the instances of a deployment have the same threads); empty if unreadable.
   */
  static Map<String, Long> threadCpuNanos(List<Long> pids) {
    Map<String, Long> byName = new HashMap<>();
    for (long pid : pids) {
      Path tasks = Path.of("/proc", Long.toString(pid), "task");
      try (var threads = Files.list(tasks)) {
        threads.forEach(task -> {
          try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            byName.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS, Long::sum);
          } catch (IOException | RuntimeException e) {
            // the thread ended meanwhile
          }
        });
      } catch (IOException e) {
        // no per-thread figures
      }
    }
    return byName;
  }

  /** The busiest threads between two readings of {@link #threadCpuNanos}, as "name 95%, ..." (% of one core). */
  static String busiestThreads(Map<String, Long> before, Map<String, Long> after, double seconds,
                               int count) {
    return after.entrySet().stream()
        .map(entry -> Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
        .filter(entry -> entry.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(count)
        .map(entry -> entry.getKey() + " " + Math.round(100 * entry.getValue() / 1e9 / seconds) + "%")
        .collect(Collectors.joining(", "));
  }

  static long rssBytes(long pid) {
    for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  /** The machine's CPU time in ticks: {busy, total}, summed over every core. */
  static long[] machineTicks() {
    String first = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow();
    String[] fields = first.trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < Math.min(fields.length, 9); i++) {
      total += Long.parseLong(fields[i]);
    }
    long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
    return new long[] {total - idle, total};
  }

  /** Heap in use of a JVM, through jcmd; a full GC first when {@code afterGc}. */
  static long jvmHeapUsed(long pid, boolean afterGc) {
    if (afterGc) {
      jcmd(pid, "GC.run");
    }
    Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("jcmd GC.heap_info printed no heap figure");
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  static String jcmd(long pid, String... command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
    line.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("jcmd " + String.join(" ", command) + " did not finish in 60 s");
      }
      return new String(output);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + jcmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
