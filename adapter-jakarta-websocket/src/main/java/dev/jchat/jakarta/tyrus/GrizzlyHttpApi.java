package dev.jchat.jakarta.tyrus;

import dev.jchat.wire.Endpoints;
import dev.jchat.wire.HttpApi;
import dev.jchat.wire.HttpRequest;
import dev.jchat.wire.HttpResponse;
import dev.jchat.wire.OriginPolicy;
import dev.jchat.wire.SecurityHeaders;
import dev.jchat.wire.QueryString;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Every plain HTTP request on the Tyrus transport: the API through {@link HttpApi}, anything else
 * from the web page in classpath {@code /web} (when the jar has it), after the origin check that
 * PROTOCOL.md asks of every request.
 */
final class GrizzlyHttpApi extends HttpHandler {
  static final String WEB_ROOT = "/web/";

  private final Endpoints endpoints;
  private final HttpHandler webPage;

  GrizzlyHttpApi(Endpoints endpoints) {
    this.endpoints = endpoints;
    ClassLoader loader = GrizzlyHttpApi.class.getClassLoader();
    this.webPage = loader.getResource(WEB_ROOT.substring(1) + "index.html") == null
        ? null : new CLStaticHttpHandler(loader, WEB_ROOT);
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    String path = request.getRequestURI();
    if (HttpApi.owns(path)) {
      write(response, endpoints.http().handle(read(request, path)));
    } else if (!endpoints.origins().admits(request.getHeader("Origin"))) {
      write(response, OriginPolicy.REFUSED);
    } else if (webPage != null) {
      SecurityHeaders.PAGE.forEach(response::setHeader);
      webPage.service(request, response);
    } else {
      response.sendError(404);
    }
  }

  private static HttpRequest read(Request request, String path) throws Exception {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = HttpApi.readBody(in);
    }
    return new HttpRequest(request.getMethod().getMethodString(), path, QueryString.parse(request.getQueryString()),
        request::getHeader, body, request.getRemoteAddr());
  }

  private static void write(Response response, HttpResponse answer) throws Exception {
    answer.headers().forEach(response::setHeader);
    response.setStatus(answer.status());
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    if (body.length > 0) {
      response.setContentType(answer.contentType());
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
