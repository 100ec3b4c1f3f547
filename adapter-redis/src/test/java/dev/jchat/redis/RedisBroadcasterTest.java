package dev.jchat.redis;

import dev.jchat.core.port.Broadcaster;
import dev.jchat.core.port.BroadcasterContract;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisBroadcasterTest extends BroadcasterContract {
  @RegisterExtension
  static final RedisDeployment REDIS = new RedisDeployment();

  @Override
  protected Supplier<Broadcaster> newDeployment() {
    return REDIS.newDeployment(RedisLink::broadcaster);
  }
}
