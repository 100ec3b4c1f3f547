package dev.jchat.bench;

import java.util.List;

/**
 * CPU of the servers (summed over every instance of a deployment), of the broker when there is one
 * (Redis: its CPU and counters), of the generator and of the whole machine at one instant; the
 * difference of two is what a step cost. Percentages are of one core (200% = both cores of this
 * machine), except {@link #machineBusyPercent}, which is of all cores.
 */
record Usage(long wallNanos, long serverCpuNanos, long serverSystemNanos, long serverWrites, Redis.Reading broker,
             long generatorCpuNanos, long generatorSystemNanos, long machineBusy, long machineTotal) {

  /** A reading of the servers {@code serverPids} and of {@code broker} (null: no broker outside them). */
  static Usage now(List<Long> serverPids, Redis broker) {
    long cpu = 0;
    long system = 0;
    long writes = 0;
    for (long pid : serverPids) {
      cpu += Proc.cpuNanos(pid);
      system += Proc.systemCpuNanos(pid);
      long written = Proc.writeCalls(pid);
      writes = writes < 0 || written < 0 ? -1 : writes + written;
    }
    Redis.Reading brokerReading = broker == null ? null : broker.read();
    long[] machine = Proc.machineTicks();
    long self = ProcessHandle.current().pid();
    return new Usage(System.nanoTime(), cpu, system, writes, brokerReading, Proc.cpuNanos(self),
        Proc.systemCpuNanos(self), machine[0], machine[1]);
  }

  /** What happened between {@code start} and this one. */
  Span since(Usage start) {
    long machineTotal = this.machineTotal - start.machineTotal;
    return new Span((wallNanos - start.wallNanos) / 1e9, (serverCpuNanos - start.serverCpuNanos) / 1e9,
        (serverSystemNanos - start.serverSystemNanos) / 1e9, serverWrites - start.serverWrites,
        broker == null ? null : broker.since(start.broker),
        (generatorCpuNanos - start.generatorCpuNanos) / 1e9,
        (generatorSystemNanos - start.generatorSystemNanos) / 1e9,
        machineTotal == 0 ? 0 : 100.0 * (machineBusy - start.machineBusy) / machineTotal);
  }

  /**
   * CPU seconds; the system parts are the kernel's share (syscalls), included in the totals. The servers'
   * writes are their write system calls (socket writes and the store's file writes). {@code broker} is
   * what Redis did over the span, null without Redis.
   */
  record Span(double seconds, double serverCpuSeconds, double serverSystemSeconds, long serverWrites,
              Redis.Reading broker, double generatorCpuSeconds, double generatorSystemSeconds,
              double machineBusyPercent) {
    double serverCpuPercent() {
      return seconds == 0 ? 0 : 100 * serverCpuSeconds / seconds;
    }

    double generatorCpuPercent() {
      return seconds == 0 ? 0 : 100 * generatorCpuSeconds / seconds;
    }

    /** Redis's CPU in % of one core; NaN without Redis or when its process is not on this machine. */
    double brokerCpuPercent() {
      return broker == null || broker.cpuNanos() < 0 || seconds == 0 ? Double.NaN
          : 100 * broker.cpuNanos() / 1e9 / seconds;
    }
  }
}
