package dev.jchat.core.account;

import dev.jchat.core.local.LocalLimits;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.SharedLimits;
import java.time.Duration;

/**
 * What bounds the account endpoints against abuse: failed logins per username and per address,
 * registrations per address, and how many password hashes run at once (a request waits at most
 * {@code hashWait} for one).
 */
public record AccountLimits(Throttle failedLogins, Throttle registrations, int concurrentHashes,
                            Duration hashWait) {

  /** {@link #shared} on the limits of this one instance. */
  public static AccountLimits defaults(Clock clock, int registrationsPerMinute) {
    return shared(new LocalLimits(clock), registrationsPerMinute);
  }

  /**
   * PROTOCOL.md's 5 failed logins a minute and the registrations as given, counted in {@code limits}
   * (for the deployment when it is shared); a hash per core, waiting up to 2 s.
   */
  public static AccountLimits shared(SharedLimits limits, int registrationsPerMinute) {
    return new AccountLimits(new Throttle(limits, "failed-logins", 5, Duration.ofMinutes(1)),
        new Throttle(limits, "registrations", registrationsPerMinute, Duration.ofMinutes(1)),
        Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));
  }
}
