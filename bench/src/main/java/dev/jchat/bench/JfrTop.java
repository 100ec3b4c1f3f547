package dev.jchat.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes a JFR recording of the server under load: where CPU samples fall (self and inclusive,
 * by method), what is allocated and where, and which monitors threads waited on. Usage:
 * {@code java -cp bench/target/jchat-bench.jar dev.jchat.bench.JfrTop recording.jfr [rows]}.
 */
public final class JfrTop {
  private final Map<String, Long> self = new HashMap<>();
  private final Map<String, Long> selfWithCallers = new HashMap<>();
  private final Map<String, Long> nativeSites = new HashMap<>();
  private final Map<String, Long> nativeThreads = new HashMap<>();
  private long nativeSamples;
  private final Map<String, Long> inclusive = new HashMap<>();
  private final Map<String, Long> threads = new HashMap<>();
  private final Map<String, Long> allocatedClasses = new HashMap<>();
  private final Map<String, Long> allocationSites = new HashMap<>();
  private final Map<String, Long> monitorWaits = new HashMap<>();
  private long samples;
  private long allocated;

  private JfrTop() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: JfrTop <recording.jfr> [rows]");
      System.exit(2);
    }
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    JfrTop top = new JfrTop();
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      top.add(event);
    }
    top.print(rows);
  }

  private void add(RecordedEvent event) {
    String type = event.getEventType().getName();
    switch (type) {
      case "jdk.ExecutionSample" -> sample(event);
      case "jdk.NativeMethodSample" -> {
        nativeSamples++;
        nativeThreads.merge(threadName(event), 1L, Long::sum);
        nativeSites.merge(callers(event.getStackTrace(), 4), 1L, Long::sum);
      }
      case "jdk.ObjectAllocationSample" -> allocation(event);
      case "jdk.JavaMonitorEnter" -> {
        String monitor = event.getClass("monitorClass") == null ? "?" : event.getClass("monitorClass").getName();
        monitorWaits.merge(monitor + " at " + topFrame(event.getStackTrace(), 0),
            event.getDuration().toNanos() / 1000, Long::sum);
      }
      default -> {
        // other events are not summarized
      }
    }
  }

  private void sample(RecordedEvent event) {
    RecordedStackTrace stack = event.getStackTrace();
    if (stack == null || stack.getFrames().isEmpty()) {
      return;
    }
    samples++;
    threads.merge(threadName(event), 1L, Long::sum);
    List<RecordedFrame> frames = stack.getFrames();
    self.merge(name(frames.get(0)), 1L, Long::sum);
    selfWithCallers.merge(callers(stack, 3), 1L, Long::sum);
    Set<String> seen = new HashSet<>();
    for (RecordedFrame frame : frames) {
      String name = name(frame);
      if (seen.add(name)) {
        inclusive.merge(name, 1L, Long::sum);
      }
    }
  }

  private static String threadName(RecordedEvent event) {
    var thread = event.getThread("sampledThread");
    String name = thread == null ? null : thread.getJavaName();
    return name == null ? "?" : name.replaceAll("[-#]?\\d+$", "-N");
  }

  /** The top frame and {@code depth - 1} callers. */
  private static String callers(RecordedStackTrace stack, int depth) {
    if (stack == null || stack.getFrames().isEmpty()) {
      return "?";
    }
    List<RecordedFrame> frames = stack.getFrames();
    StringBuilder site = new StringBuilder(name(frames.get(0)));
    for (int i = 1; i < depth && i < frames.size(); i++) {
      site.append(" < ").append(name(frames.get(i)));
    }
    return site.toString();
  }

  private void allocation(RecordedEvent event) {
    long weight = event.getLong("weight");
    allocated += weight;
    allocatedClasses.merge(event.getClass("objectClass").getName(), weight, Long::sum);
    allocationSites.merge(topFrame(event.getStackTrace(), 1), weight, Long::sum);
  }

  /** The first frame outside java.*, jdk.* and sun.* (where the code that asked for it is), plus depth more. */
  private static String topFrame(RecordedStackTrace stack, int depth) {
    if (stack == null) {
      return "?";
    }
    List<RecordedFrame> frames = stack.getFrames();
    for (int i = 0; i < frames.size(); i++) {
      String name = name(frames.get(i));
      if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
        StringBuilder site = new StringBuilder(name);
        for (int j = 1; j <= depth && i + j < frames.size(); j++) {
          site.append(" < ").append(name(frames.get(i + j)));
        }
        return site.toString();
      }
    }
    return frames.isEmpty() ? "?" : name(frames.get(0));
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private void print(int rows) {
    System.out.printf("%d CPU samples (threads running Java code), %d native samples (threads in native code:"
        + " syscalls, or waiting)%n", samples, nativeSamples);
    table("CPU by thread", threads, samples, rows, "%");
    table("CPU self (top frame)", self, samples, rows, "%");
    table("CPU self with callers", selfWithCallers, samples, rows, "%");
    table("native samples by thread", nativeThreads, nativeSamples, rows, "%");
    table("native samples by site", nativeSites, nativeSamples, rows, "%");
    table("CPU inclusive", inclusive, samples, rows, "%");
    table("allocation by class (sampled bytes)", allocatedClasses, allocated, rows, "%");
    table("allocation by site", allocationSites, allocated, rows, "%");
    table("monitor waits (µs total)", monitorWaits, 0, rows, "µs");
  }

  private static void table(String title, Map<String, Long> counts, long total, int rows, String unit) {
    System.out.println();
    System.out.println("== " + title);
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
        .forEach(entry -> {
          if (total > 0) {
            System.out.printf("%6.1f%%  %s%n", 100.0 * entry.getValue() / total, entry.getKey());
          } else {
            System.out.printf("%10d %s  %s%n", entry.getValue(), unit, entry.getKey());
          }
        });
  }
}
