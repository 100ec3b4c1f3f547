package dev.jchat.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the chat server with the configuration from the environment and runs until SIGTERM (or
 * Ctrl+C) stops it cleanly. The main thread waits for that stop itself: whether a transport's
 * threads would keep the JVM alive is the transport's business (Grizzly's are daemons).
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) throws InterruptedException {
    SLF4JBridgeHandler.removeHandlersForRootLogger(); // java.util.logging (Tyrus, Grizzly) goes to logback
    SLF4JBridgeHandler.install();
    ChatConfig config;
    try {
      config = ChatConfig.from(System.getenv(), System.getProperties());
    } catch (InvalidSettingException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    ChatApplication app;
    try {
      app = ChatApplication.start(config);
    } catch (RuntimeException e) {
      LOG.error("cannot start: {}", e.getMessage());
      System.exit(1);
      return;
    }
    LOG.info("chat server listening on http://{}:{} (transport {}, data in {})",
        config.host(), app.port(), config.transport(), config.dataDir().toAbsolutePath());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping: closing connections");
      app.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
  }
}
