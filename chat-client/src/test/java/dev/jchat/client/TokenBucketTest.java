package dev.jchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private long now;
  private final TokenBucket bucket = new TokenBucket(10, 2, () -> now);

  @Test
  void aBurstThenOneEveryTenthOfASecond() {
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));

    now += TimeUnit.MILLISECONDS.toNanos(100);
    assertThat(bucket.take()).isZero();
  }
}
