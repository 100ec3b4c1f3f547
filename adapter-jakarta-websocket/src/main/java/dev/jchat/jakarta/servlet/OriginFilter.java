package dev.jchat.jakarta.servlet;

import dev.jchat.wire.Endpoints;
import dev.jchat.wire.OriginPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/** PROTOCOL.md section 1: any request whose {@code Origin} is present and refused gets 403 and has no effect. */
final class OriginFilter extends HttpFilter {
  private final transient Supplier<Endpoints> endpoints;

  OriginFilter(Supplier<Endpoints> endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Endpoints current = endpoints.get();
    if (current != null && !current.origins().admits(request.getHeader("Origin"))) {
      ApiServlet.write(response, OriginPolicy.REFUSED);
      return;
    }
    chain.doFilter(request, response);
  }
}
