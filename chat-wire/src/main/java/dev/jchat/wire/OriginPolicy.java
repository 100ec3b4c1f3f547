package dev.jchat.wire;

import dev.jchat.core.domain.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The allow-list for the {@code Origin} header of HTTP requests and WebSocket upgrades. The whole
 * origin must match, so look-alikes such as {@code http://localhost.evil.example} are refused.
 */
public final class OriginPolicy {
  /** localhost, 127.0.0.1, [::1] and the private IPv4 ranges, over http or https, on any port. */
  public static final String DEFAULT = "https?://(localhost|127\\.0\\.0\\.1|\\[::1\\]"
      + "|10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"
      + "|172\\.(1[6-9]|2\\d|3[01])\\.\\d{1,3}\\.\\d{1,3}"
      + "|192\\.168\\.\\d{1,3}\\.\\d{1,3})(:\\d{1,5})?";

  /** The answer to any request whose origin is refused: 403 with the API's error body. */
  public static final HttpResponse REFUSED =
      ErrorBody.response(SecurityHeaders.API, ErrorCode.FORBIDDEN, "origin not allowed");

  private final Pattern allowed;

  public OriginPolicy(String regex) {
    this.allowed = Pattern.compile(regex);
  }

  /** The CORS headers of an answer to an admitted origin: none for a request without an Origin. */
  public static Map<String, String> cors(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (origin != null) {
      headers.put("Access-Control-Allow-Origin", origin);
      headers.put("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      headers.put("Access-Control-Allow-Headers", "Authorization, Content-Type");
      headers.put("Access-Control-Max-Age", "600");
      headers.put("Vary", "Origin");
    }
    return headers;
  }

  /** A request without an Origin (not a browser) is allowed; {@code null} as a string is not. */
  public boolean admits(String origin) {
    return origin == null || allowed.matcher(origin).matches();
  }
}
