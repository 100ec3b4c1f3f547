package com.example.war;

import dev.jchat.conformance.DeployedAppConformanceSuite;
import dev.jchat.wire.ChatServer;

/** The WAR in Jetty 12 (EE10), the distribution as Eclipse ships it: the conformance suite's HTTP and messaging classes. */
class JettyDeploymentIT extends DeployedAppConformanceSuite {

  @Override
  protected ChatServer deploy() throws Exception {
    return ServletContainer.jetty();
  }

  @Override
  public String name() {
    return "embedded";
  }
}
