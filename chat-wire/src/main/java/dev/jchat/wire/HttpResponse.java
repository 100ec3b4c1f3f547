package dev.jchat.wire;

import java.util.Map;

/**
 * What the transport writes back: a status, headers and a body (empty for 204), JSON unless a
 * {@code Content-Type} header says otherwise.
 */
public record HttpResponse(int status, Map<String, String> headers, String body) {

  public String contentType() {
    return headers.getOrDefault("Content-Type", "application/json");
  }
}
