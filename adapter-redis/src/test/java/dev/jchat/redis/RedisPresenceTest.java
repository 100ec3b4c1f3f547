package dev.jchat.redis;

import dev.jchat.core.port.Presence;
import dev.jchat.core.port.PresenceContract;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisPresenceTest extends PresenceContract {
  @RegisterExtension
  static final RedisDeployment REDIS = new RedisDeployment();

  @Override
  protected Supplier<Presence> newDeployment() {
    return REDIS.newDeployment(RedisLink::presence);
  }
}
