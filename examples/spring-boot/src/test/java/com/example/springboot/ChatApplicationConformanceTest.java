package com.example.springboot;

import dev.jchat.conformance.DeployedAppConformanceSuite;
import dev.jchat.wire.ChatServer;

/** The application, started afresh for each test: the conformance suite's HTTP and messaging classes. */
class ChatApplicationConformanceTest extends DeployedAppConformanceSuite {

  @Override
  protected ChatServer deploy() throws Exception {
    return RunningApplication.onNewSchema();
  }

  @Override
  public String name() {
    return "embedded";
  }
}
