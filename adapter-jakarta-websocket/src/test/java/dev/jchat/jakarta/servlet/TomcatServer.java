package dev.jchat.jakarta.servlet;

import dev.jchat.wire.ChatServer;
import dev.jchat.wire.Endpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * An embedded Tomcat 11 running one web application, deployed as a container deploys a WAR: Tomcat
 * finds the adapter's {@link ChatServletContainerInitializer} (and its own WebSocket one) through
 * {@code META-INF/services}. The host application supplies the {@link Endpoints}: for the
 * conformance suite, one more initializer puts the suite's chat into the servlet context.
 */
final class TomcatServer implements ChatServer {
  private final Tomcat tomcat;
  private final Connector connector;
  private final Path baseDir;
  private boolean stopped;

  private TomcatServer(Tomcat tomcat, Connector connector, Path baseDir) {
    this.tomcat = tomcat;
    this.connector = connector;
    this.baseDir = baseDir;
  }

  /** Deploys the application with a host that supplies these endpoints. */
  static TomcatServer start(Endpoints endpoints) throws Exception {
    return start(webapp -> webapp.addServletContainerInitializer((classes, context) ->
        context.setAttribute(ChatServletContainerInitializer.ENDPOINTS_ATTRIBUTE, endpoints), null));
  }

  /** Deploys the application with what {@code host} adds to it (nothing: the chat is never supplied). */
  static TomcatServer start(Consumer<StandardContext> host) throws Exception {
    Path baseDir = Files.createTempDirectory("jchat-tomcat");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setProperty("address", "127.0.0.1");
    connector.setPort(0);
    tomcat.setConnector(connector);
    tomcat.setAddDefaultWebXmlToWebapp(false);
    StandardContext webapp =
        (StandardContext) tomcat.addWebapp("", Files.createDirectory(baseDir.resolve("webapp")).toString());
    webapp.setClearReferencesThreadLocals(false); // leak checks that need --add-opens; nothing leaks in a test
    webapp.setClearReferencesRmiTargets(false);
    ((StandardJarScanner) webapp.getJarScanner()).setScanClassPath(false); // no annotation scan of the test classpath
    // What Tomcat's conf/web.xml gives every application: without a servlet at "/", a request for
    // /ws matches nothing and gets 404 before the WebSocket filter sees it.
    Tomcat.addServlet(webapp, "default", "org.apache.catalina.servlets.DefaultServlet");
    webapp.addServletMappingDecoded("/", "default");
    host.accept(webapp);
    tomcat.start();
    return new TomcatServer(tomcat, connector, baseDir);
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("Tomcat did not stop", e);
    }
    try (Stream<Path> files = Files.walk(baseDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
