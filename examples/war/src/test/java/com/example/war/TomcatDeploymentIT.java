package com.example.war;

import dev.jchat.conformance.DeployedAppConformanceSuite;
import dev.jchat.wire.ChatServer;

/** The WAR in Tomcat 11, the distribution as Apache ships it: the conformance suite's HTTP and messaging classes. */
class TomcatDeploymentIT extends DeployedAppConformanceSuite {

  @Override
  protected ChatServer deploy() throws Exception {
    return ServletContainer.tomcat();
  }

  @Override
  public String name() {
    return "embedded";
  }
}
