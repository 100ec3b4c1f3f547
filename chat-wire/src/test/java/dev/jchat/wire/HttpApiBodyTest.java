package dev.jchat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** How a transport reads a request body for the API: whole up to the limit, a bounded drain past it. */
class HttpApiBodyTest {
  private static final int MIB = 1024 * 1024;

  @Test
  void a_body_within_the_limit_is_read_whole() throws Exception {
    ByteArrayInputStream body = new ByteArrayInputStream(new byte[HttpApi.MAX_BODY_BYTES]);
    assertThat(HttpApi.readBody(body)).hasSize(HttpApi.MAX_BODY_BYTES);
    assertThat(body.available()).isZero();
  }

  @Test
  void a_large_body_is_read_to_its_end_so_the_client_gets_the_413_but_only_the_limit_is_kept() throws Exception {
    ByteArrayInputStream body = new ByteArrayInputStream(new byte[MIB]);
    assertThat(HttpApi.readBody(body)).hasSize(HttpApi.MAX_BODY_BYTES + 1);
    assertThat(body.available()).isZero();
  }

  @Test
  void a_body_past_the_drain_bound_is_not_read_to_its_end() throws Exception {
    int size = 3 * MIB;
    ByteArrayInputStream body = new ByteArrayInputStream(new byte[size]);
    assertThat(HttpApi.readBody(body)).hasSize(HttpApi.MAX_BODY_BYTES + 1);
    int leftAfterOneMib = size - (HttpApi.MAX_BODY_BYTES + 1) - MIB;
    assertThat(body.available()).isBetween(leftAfterOneMib - 8192, leftAfterOneMib);
  }
}
