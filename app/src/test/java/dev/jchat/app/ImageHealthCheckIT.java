package dev.jchat.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile's HEALTHCHECK command, run as Docker runs it ({@code /bin/sh -c}, PORT from the
 * image's environment) against the built jar: healthy while the server runs, unhealthy once it stopped.
 */
@Timeout(120)
class ImageHealthCheckIT {
  @TempDir
  Path workingDir;

  @Test
  void the_health_check_passes_while_the_server_runs_and_fails_once_it_stopped() throws Exception {
    try (ServerProcess server = ServerProcess.start(ServerProcess.readmeStartCommand(), Map.of("PORT", "0"),
        workingDir)) {
      int port = server.awaitPort();
      assertThat(healthCheck(port)).as("exit status of the check while the server runs").isZero();
      server.terminate();
      server.awaitExit(Duration.ofSeconds(20));
      assertThat(healthCheck(port)).as("exit status of the check once the server stopped").isNotZero();
    }
  }

  private static int healthCheck(int port) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", Dockerfile.read().healthCheckCommand())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", Integer.toString(port));
    Process check = builder.start();
    assertThat(check.waitFor(10, TimeUnit.SECONDS)).as("the check ends within its own timeout").isTrue();
    return check.exitValue();
  }
}
