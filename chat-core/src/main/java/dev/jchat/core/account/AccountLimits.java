package dev.jchat.core.account;

import dev.jchat.core.port.Clock;
import java.time.Duration;

/**
 * What bounds the account endpoints against abuse: failed logins per username and per address,
 * registrations per address, and how many password hashes run at once (a request waits at most
 * {@code hashWait} for one).
 */
public record AccountLimits(Throttle failedLogins, Throttle registrations, int concurrentHashes,
                            Duration hashWait) {

  /** PROTOCOL.md's 5 failed logins a minute; registrations as given; a hash per core, waiting up to 2 s. */
  public static AccountLimits defaults(Clock clock, int registrationsPerMinute) {
    return new AccountLimits(new Throttle(clock, 5, Duration.ofMinutes(1)),
        new Throttle(clock, registrationsPerMinute, Duration.ofMinutes(1)),
        Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));
  }
}
