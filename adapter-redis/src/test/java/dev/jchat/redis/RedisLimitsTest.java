package dev.jchat.redis;

import dev.jchat.core.port.SharedLimits;
import dev.jchat.core.port.SharedLimitsContract;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisLimitsTest extends SharedLimitsContract {
  @RegisterExtension
  static final RedisDeployment REDIS = new RedisDeployment();

  @Override
  protected Supplier<SharedLimits> newDeployment() {
    return REDIS.newDeployment(RedisLink::limits);
  }
}
