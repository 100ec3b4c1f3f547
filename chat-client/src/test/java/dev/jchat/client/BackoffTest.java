package dev.jchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final long SECOND = 1_000_000_000L;
  private final List<Long> bounds = new ArrayList<>();
  /** Draws the bound itself, so the test sees the range each wait is drawn from. */
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(30),
      bound -> {
        bounds.add(bound);
        return bound;
      });

  @Test
  void eachWaitMayBeTwiceTheLastUpToTheCap() {
    for (int i = 0; i < 6; i++) {
      backoff.next(0);
    }

    assertThat(bounds).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
  }

  @Test
  void aStableConnectionStartsOver() {
    backoff.next(0);
    backoff.next(0);
    backoff.connected(0);

    assertThat(backoff.next(30 * SECOND)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void aConnectionThatDidNotLastGoesOnDoubling() {
    backoff.next(0);
    backoff.next(0);
    backoff.connected(0);

    assertThat(backoff.next(29 * SECOND)).isEqualTo(Duration.ofMillis(400));
  }
}
