package dev.jchat.jakarta.servlet;

import dev.jchat.jakarta.endpoint.ChatEndpointConfigurator;
import dev.jchat.jakarta.endpoint.ControlFrames;
import dev.jchat.jakarta.endpoint.Peer;
import dev.jchat.wire.Endpoints;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Deploys the chat into a web application on any Servlet 6 container with Jakarta WebSocket
 * (Tomcat 10.1+, Jetty 12 EE10, …). The container finds this class through
 * {@code META-INF/services}; it registers:
 * <ul>
 *   <li>the WebSocket endpoint at {@code /ws} (origin check, limits, one {@link ChatEndpoint} per connection);
 *   <li>a servlet for the HTTP API at {@code /health} and {@code /api/*};
 *   <li>a filter at {@code /*} that answers 403 to any request whose {@code Origin} is refused;
 *   <li>a listener that, when the application stops, closes every chat connection with 1001.
 * </ul>
 * The host application supplies the chat: it puts its {@link Endpoints} into the servlet context
 * attribute {@link #ENDPOINTS_ATTRIBUTE} before the first request, typically in its own
 * {@code ServletContextListener#contextInitialized}. Until then the API answers 503 and the
 * WebSocket handshake fails.
 */
public final class ChatServletContainerInitializer implements ServletContainerInitializer {
  /** The servlet context attribute that holds the application's {@link Endpoints}. */
  public static final String ENDPOINTS_ATTRIBUTE = Endpoints.class.getName();
  private static final String INSTALLED_ATTRIBUTE = ChatServletContainerInitializer.class.getName() + ".installed";

  @Override
  public void onStartup(Set<Class<?>> ignored, ServletContext context) throws ServletException {
    if (context.getAttribute(INSTALLED_ATTRIBUTE) != null) {
      return; // already called, e.g. by a host that also runs it by hand
    }
    context.setAttribute(INSTALLED_ATTRIBUTE, Boolean.TRUE);
    Supplier<Endpoints> endpoints = () -> (Endpoints) context.getAttribute(ENDPOINTS_ATTRIBUTE);

    FilterRegistration.Dynamic origins = context.addFilter("jchat-origin", new OriginFilter(endpoints));
    origins.setAsyncSupported(true);
    origins.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");

    ServletRegistration.Dynamic api = context.addServlet("jchat-api", new ApiServlet(endpoints));
    api.addMapping("/health", "/api/*");

    // The WebSocket container may set itself up after this initializer: deploy once every one has run.
    context.addListener(new Deployment(endpoints));
  }

  /** Deploys {@code /ws} when the application starts and shuts the chat down when it stops. */
  private static final class Deployment implements ServletContextListener {
    private final Supplier<Endpoints> endpoints;
    private final ControlFrames control = new ControlFrames();

    Deployment(Supplier<Endpoints> endpoints) {
      this.endpoints = endpoints;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
      Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
      if (!(container instanceof ServerContainer server)) {
        throw new IllegalStateException("this servlet container has no Jakarta WebSocket support");
      }
      try {
        server.addEndpoint(ChatEndpointConfigurator.endpointConfig(endpoints, control, Peer::of));
      } catch (DeploymentException e) {
        throw new IllegalStateException("cannot deploy the chat endpoint at " + ChatEndpointConfigurator.PATH, e);
      }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
      Endpoints chat = endpoints.get();
      if (chat != null) {
        chat.chat().shutdown();
      }
      control.close(); // lets the 1001 closes go out before the container drops the sockets
    }
  }
}
