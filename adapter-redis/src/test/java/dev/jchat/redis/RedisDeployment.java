package dev.jchat.redis;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jchat.core.local.SystemClock;
import dev.jchat.jdbc.TcpProxy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Instances of one chat on the tests' Redis, for a test class: each test gets a fresh key prefix, and
 * its links are closed and its keys deleted after it. Register it as a static field with
 * {@code @RegisterExtension}. When Redis is unreachable the tests are skipped, saying why, or fail when
 * CI=true.
 */
final class RedisDeployment implements BeforeAllCallback, AfterEachCallback {
  static final Duration SHORT_TTL = Duration.ofMillis(1500);

  private Optional<String> unreachable = Optional.empty();
  private final List<RedisLink> links = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();
  private final List<TcpProxy> proxies = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    unreachable = RedisServer.unreachableBecause();
    if (unreachable.isPresent() && "true".equals(System.getenv("CI"))) {
      fail(unreachable.get() + "; with CI=true the Redis tests must run");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    links.forEach(RedisLink::close);
    links.clear();
    for (TcpProxy proxy : proxies) {
      proxy.close();
    }
    proxies.clear();
    prefixes.forEach(RedisServer::deleteKeys);
    prefixes.clear();
  }

  /** A fresh deployment: every {@code get()} links one more instance and gives its port. */
  <T> Supplier<T> newDeployment(Function<RedisLink, T> port) {
    String prefix = newPrefix();
    return () -> port.apply(link(RedisServer.settings(prefix, SHORT_TTL)));
  }

  /** A prefix of its own for one more deployment, whose keys are deleted after the test. */
  String newPrefix() {
    Assumptions.assumeTrue(unreachable.isEmpty(), () -> unreachable.get() + "; skipped (CHAT_TEST_REDIS_URL points"
        + " elsewhere; with CI=true this fails instead)");
    String prefix = RedisServer.uniquePrefix();
    prefixes.add(prefix);
    return prefix;
  }

  /** Waits until the condition holds; fails after ten seconds. */
  static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        fail("waited 10 s for " + what);
      }
      Thread.sleep(50);
    }
  }

  /** A proxy to Redis that the test may cut and restore, closed after it. */
  TcpProxy proxy() throws IOException {
    TcpProxy proxy = TcpProxy.start(RedisServer.address());
    proxies.add(proxy);
    return proxy;
  }

  /** The next element of the queue; fails after ten seconds. */
  static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T next = queue.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      fail("nothing came within 10 s");
    }
    return next;
  }

  /** One more instance, closed after the test. */
  RedisLink link(RedisSettings settings) {
    RedisLink link = RedisLink.connect(settings, new SystemClock());
    links.add(link);
    return link;
  }
}
