package dev.jchat.core.port;

import dev.jchat.core.local.LocalLimits;
import dev.jchat.core.local.SystemClock;
import java.util.function.Supplier;

/** One JVM: every instance of a deployment shares one set of limits. */
class LocalLimitsTest extends SharedLimitsContract {
  @Override
  protected Supplier<SharedLimits> newDeployment() {
    LocalLimits shared = new LocalLimits(new SystemClock());
    return () -> shared;
  }
}
