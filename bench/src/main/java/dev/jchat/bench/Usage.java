package dev.jchat.bench;

/**
 * CPU of the server, of the generator and of the whole machine at one instant; the difference of two
 * is what a step cost. Percentages are of one core (200% = both cores of this machine), except
 * {@link #machineBusyPercent}, which is of all cores.
 */
record Usage(long wallNanos, long serverCpuNanos, long serverSystemNanos, long serverWrites, long generatorCpuNanos,
             long generatorSystemNanos, long machineBusy, long machineTotal) {

  static Usage now(long serverPid) {
    long[] machine = Proc.machineTicks();
    long self = ProcessHandle.current().pid();
    return new Usage(System.nanoTime(), Proc.cpuNanos(serverPid), Proc.systemCpuNanos(serverPid),
        Proc.writeCalls(serverPid), Proc.cpuNanos(self),
        Proc.systemCpuNanos(self), machine[0], machine[1]);
  }

  /** What happened between {@code start} and this one. */
  Span since(Usage start) {
    long machineTotal = this.machineTotal - start.machineTotal;
    return new Span((wallNanos - start.wallNanos) / 1e9, (serverCpuNanos - start.serverCpuNanos) / 1e9,
        (serverSystemNanos - start.serverSystemNanos) / 1e9, serverWrites - start.serverWrites,
        (generatorCpuNanos - start.generatorCpuNanos) / 1e9,
        (generatorSystemNanos - start.generatorSystemNanos) / 1e9,
        machineTotal == 0 ? 0 : 100.0 * (machineBusy - start.machineBusy) / machineTotal);
  }

  /**
   * CPU seconds; the system parts are the kernel's share (syscalls), included in the totals. The server's
   * writes are its write system calls (socket writes and the store's file writes).
   */
  record Span(double seconds, double serverCpuSeconds, double serverSystemSeconds, long serverWrites,
              double generatorCpuSeconds,
              double generatorSystemSeconds, double machineBusyPercent) {
    double serverCpuPercent() {
      return seconds == 0 ? 0 : 100 * serverCpuSeconds / seconds;
    }

    double generatorCpuPercent() {
      return seconds == 0 ? 0 : 100 * generatorCpuSeconds / seconds;
    }
  }
}
