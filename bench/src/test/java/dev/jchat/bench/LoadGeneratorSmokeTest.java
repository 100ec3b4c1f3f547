package dev.jchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jchat.app.ChatApplication;
import dev.jchat.app.ChatConfig;
import dev.jchat.bench.net.Connector;
import dev.jchat.bench.net.Connectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the load generator still speaks both protocols, Socket.IO to our server too, and drives
 * several instances on Redis: a few
 * clients for a couple of seconds. It checks that messages went out and came back, never how fast
 * (speed is for bench/run.sh).
 */
class LoadGeneratorSmokeTest {
  /** A few clients, one two-second step: what every test here runs, some with more clients or steps. */
  private static final Options SMOKE = Options.parse("fanout", "--clients", "6", "--senders", "2", "--rates", "4",
      "--step-seconds", "2", "--warmup-seconds", "0", "--heap", "false", "--per-user", "3");

  @TempDir
  Path data;

  @Test
  @Timeout(120)
  void aFewClientsOfOurServerSendAndReceiveInTheFanOutScenario() {
    List<LoadStep> steps = smokeRunOnOurServer(Target.Kind.JCHAT, "nio");

    assertThat(steps).hasSize(1);
    assertThat(steps.get(0).stats().sent()).isPositive();
    assertThat(steps.get(0).stats().delivered()).isPositive();
    assertThat(steps.get(0).stats().acked()).isPositive();
  }

  @Test
  @Timeout(120)
  void theJdkClientDrivesOurServerToo() {
    assertThat(smokeRunOnOurServer(Target.Kind.JCHAT, "jdk").get(0).stats().delivered()).isPositive();
  }

  @Test
  @Timeout(120)
  void theSocketIoClientDrivesOurServerThroughItsSocketIoBinding() {
    List<LoadStep> steps = smokeRunOnOurServer(Target.Kind.JCHAT_SOCKETIO, "nio");

    assertThat(steps.get(0).stats().sent()).isPositive();
    assertThat(steps.get(0).stats().delivered()).isPositive();
  }

  @Test
  @Timeout(120)
  void theSocketIoClientLongPollsOurServerToo() {
    assertThat(smokeRunOnOurServer(Target.Kind.JCHAT_SOCKETIO, "polling").get(0).stats().delivered()).isPositive();
  }

  @Test
  @Timeout(120)
  void aFewClientsOfTheSocketIoPeerSendAndReceiveWhenItsPackagesAreInstalled() {
    Path peer = Path.of("peer");
    assumeTrue(Files.isDirectory(peer.resolve("node_modules")), "bench/peer has no node_modules (npm ci there)");
    try (Target target = Target.startPeer(Options.parse("fanout", "--peer-dir", peer.toString()))) {
      List<LoadStep> steps = smokeRun(target, "nio");

      assertThat(steps.get(0).stats().sent()).isPositive();
      assertThat(steps.get(0).stats().delivered()).isPositive();
    }
  }

  @Test
  @Timeout(240)
  void fanOutRunsOnTwoInstancesOfTheJarThroughRedis() {
    Path jar = Path.of("../app/target/jchat-app.jar");
    Options options = SMOKE.with("clients", "20", "per-user", "5", "jar", jar.toString());
    Optional<String> missing = missingForManyInstances(jar, options);
    if (missing.isPresent() && "true".equals(System.getenv("CI"))) {
      fail(missing.get() + "; CI must run this test");
    }
    assumeTrue(missing.isEmpty(), () -> missing.get() + "; skipped outside CI");
    try (Deployment deployment = Deployment.start("jchat-redis-2", options)) {
      List<LoadStep> steps = smokeRun(deployment, "nio", options);
      ScaleOut.table(List.of(steps)).print(System.out);

      assertThat(steps).hasSize(1);
      LoadStep step = steps.get(0);
      assertThat(step.stats().sent()).isPositive();
      // half the clients are on the other instance than a given sender: more than half delivered went through Redis
      assertThat(step.ratio()).isGreaterThan(0.5);
      assertThat(step.span().broker().publishes()).isGreaterThanOrEqualTo(step.stats().sent());
    }
  }

  /** Why the many-instance run cannot go here (no app jar, Redis or PostgreSQL through psql), if so. */
  private static Optional<String> missingForManyInstances(Path jar, Options options) {
    if (!Files.isRegularFile(jar)) {
      return Optional.of(jar + " is missing (mvn install -DskipTests -pl app -am)");
    }
    try {
      Redis.of(options);
      Persistence.psql(options, "select 1");
      return Optional.empty();
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Our server in this JVM, driven as {@code kind} by the {@code client}. */
  private List<LoadStep> smokeRunOnOurServer(Target.Kind kind, String client) {
    ChatConfig config = ChatConfig.from(
        Map.of("PORT", "0", "HOST", "127.0.0.1", "CHAT_DATA_DIR", data.toString()), new Properties());
    try (ChatApplication app = ChatApplication.start(config)) {
      Target target = Target.attach(kind, "http://127.0.0.1:" + app.port(), ProcessHandle.current().pid());
      return smokeRun(target, client);
    }
  }

  private static List<LoadStep> smokeRun(Target target, String client) {
    return smokeRun(Deployment.of(target), client, SMOKE);
  }

  private static List<LoadStep> smokeRun(Deployment deployment, String client, Options options) {
    Table table = LoadStep.table("smoke");
    try (Connector connector = Connectors.create(client, 1)) {
      List<LoadStep> steps = FanOut.run(deployment, connector, options, table, System.err);
      table.print(System.out);
      return steps;
    }
  }
}
