package dev.jchat.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that make a browser a second wall (OWASP's secure headers): the web page may load
 * scripts, styles and connections from its own origin only and may not be framed; no response is
 * sniffed into another type or leaks its address in a referrer. The page never renders client HTML,
 * so none of this is the first wall.
 */
public final class SecurityHeaders {
  /**
   * For the page: everything from its own origin ({@code 'self'} covers its WebSocket too), the
   * favicon's unread count drawn into a {@code data:} image, no plugins, no framing, no other base.
   */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  /** On every API answer. */
  public static final Map<String, String> API = Map.of(
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer");

  /** On the page and its assets. */
  public static final Map<String, String> PAGE = page();

  private SecurityHeaders() {
  }

  private static Map<String, String> page() {
    Map<String, String> headers = new LinkedHashMap<>(API);
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    return Map.copyOf(headers);
  }
}
