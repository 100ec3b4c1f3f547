package dev.jchat.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** A Markdown table, printed with aligned columns so it reads in a terminal and pastes into BENCHMARKS.md. */
final class Table {
  private final String title;
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  Table(String title, String... headers) {
    this.title = title;
    this.headers = List.of(headers);
  }

  void add(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
  }

  void note(String note) {
    notes.add(note);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintStream out) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], i < row.size() ? row.get(i).length() : 0);
      }
    }
    out.println();
    out.println("### " + title);
    out.println();
    out.println(line(headers, widths));
    StringBuilder rule = new StringBuilder("|");
    for (int width : widths) {
      rule.append(' ').append("-".repeat(width)).append(":|");
    }
    out.println(rule);
    for (List<String> row : rows) {
      out.println(line(row, widths));
    }
    if (!notes.isEmpty()) {
      out.println();
      notes.forEach(note -> out.println("- " + note));
    }
    out.flush();
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      line.append(' ').append(" ".repeat(widths[i] - cell.length())).append(cell).append(" |");
    }
    return line.toString();
  }

  // --- number formats ---

  static String num(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String percent(double fraction) {
    if (Double.isNaN(fraction)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  /** A latency from a histogram of microseconds, in milliseconds. */
  static String millis(Histogram histogram, double percentile) {
    if (histogram.getTotalCount() == 0) {
      return "-";
    }
    long micros = percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile);
    return millis(micros / 1000.0);
  }

  static String millis(double millis) {
    if (millis >= 100) {
      return String.format(Locale.ROOT, "%,.0f", millis);
    }
    if (millis >= 10) {
      return String.format(Locale.ROOT, "%.1f", millis);
    }
    return String.format(Locale.ROOT, "%.2f", millis);
  }

  static String megabytes(long bytes) {
    return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
  }

  static String kilobytes(double bytes) {
    return Double.isNaN(bytes) ? "-" : String.format(Locale.ROOT, "%.1f", bytes / 1024.0);
  }
}
