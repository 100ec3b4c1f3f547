package dev.jchat.core.port;

import dev.jchat.core.local.LocalPresence;
import java.util.function.Supplier;

/** One JVM: every instance of a deployment shares one presence. */
class LocalPresenceTest extends PresenceContract {
  @Override
  protected Supplier<Presence> newDeployment() {
    LocalPresence shared = new LocalPresence();
    return () -> shared;
  }
}
