package dev.jchat.app;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

/** Something a test needs from the machine (PostgreSQL, docker-compose): CI must have it, elsewhere it may be missing. */
final class CiRequirement {
  private CiRequirement() {
  }

  /** Fails under {@code CI=true} when {@code missing} says why the thing is unavailable; skips the test elsewhere. */
  static void assumeAvailable(Optional<String> missing) {
    if (missing.isPresent() && "true".equals(System.getenv("CI"))) {
      fail(missing.get() + "; CI must run this test");
    }
    assumeTrue(missing.isEmpty(), () -> missing.get() + "; skipped outside CI");
  }
}
