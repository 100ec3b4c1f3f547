package dev.jchat.jakarta;

import dev.jchat.wire.Endpoints;
import dev.jchat.wire.HttpApi;
import dev.jchat.wire.HttpRequest;
import dev.jchat.wire.HttpResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** The HTTP API ({@code /health}, {@code /api/*}) inside a servlet container, through {@link HttpApi}. */
final class ApiServlet extends HttpServlet {
  private static final byte[] NOT_CONFIGURED = ("{\"error\":\"unavailable\",\"message\":\"the chat is not configured: "
      + "set the servlet context attribute " + ChatServletContainerInitializer.ENDPOINTS_ATTRIBUTE + "\"}")
      .getBytes(StandardCharsets.UTF_8);

  private final transient Supplier<Endpoints> endpoints;

  ApiServlet(Supplier<Endpoints> endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Endpoints current = endpoints.get();
    if (current == null) {
      write(response, 503, NOT_CONFIGURED);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = HttpApi.readBody(in);
    }
    HttpResponse answer = current.http().handle(new HttpRequest(request.getMethod(), path,
        QueryString.parse(request.getQueryString()), request::getHeader, body, request.getRemoteAddr()));
    answer.headers().forEach(response::setHeader);
    write(response, answer.status(), answer.body().getBytes(StandardCharsets.UTF_8));
  }

  private static void write(HttpServletResponse response, int status, byte[] json) throws IOException {
    response.setStatus(status);
    if (json.length > 0) {
      response.setContentType("application/json");
      response.setContentLength(json.length);
      response.getOutputStream().write(json);
    }
  }
}
