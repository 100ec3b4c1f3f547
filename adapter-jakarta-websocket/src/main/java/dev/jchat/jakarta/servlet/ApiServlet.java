package dev.jchat.jakarta.servlet;

import dev.jchat.core.domain.ErrorCode;
import dev.jchat.wire.Endpoints;
import dev.jchat.wire.ErrorBody;
import dev.jchat.wire.HttpApi;
import dev.jchat.wire.HttpRequest;
import dev.jchat.wire.HttpResponse;
import dev.jchat.wire.QueryString;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/** The HTTP API ({@code /health}, {@code /api/*}) inside a servlet container, through {@link HttpApi}. */
final class ApiServlet extends HttpServlet {
  private static final HttpResponse NOT_CONFIGURED = ErrorBody.response(Map.of(), ErrorCode.UNAVAILABLE,
      "the chat is not configured: set the servlet context attribute "
          + ChatServletContainerInitializer.ENDPOINTS_ATTRIBUTE);

  private final transient Supplier<Endpoints> endpoints;

  ApiServlet(Supplier<Endpoints> endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Endpoints current = endpoints.get();
    if (current == null) {
      write(response, NOT_CONFIGURED);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = HttpApi.readBody(in);
    }
    write(response, current.http().handle(new HttpRequest(request.getMethod(), path,
        QueryString.parse(request.getQueryString()), request::getHeader, body, request.getRemoteAddr())));
  }

  /** Writes the API's answer: status, headers, and its body when it has one. */
  static void write(HttpServletResponse response, HttpResponse answer) throws IOException {
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
