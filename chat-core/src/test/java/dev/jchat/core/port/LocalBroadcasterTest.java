package dev.jchat.core.port;

import dev.jchat.core.local.LocalBroadcaster;
import java.util.function.Supplier;

/** One JVM: every instance of a deployment shares one broadcaster. */
class LocalBroadcasterTest extends BroadcasterContract {
  @Override
  protected Supplier<Broadcaster> newDeployment() {
    LocalBroadcaster shared = new LocalBroadcaster();
    return () -> shared;
  }
}
