package dev.jchat.wire;

import java.util.Map;

/** What the transport writes back: a status, headers and a JSON body (empty for 204). */
public record HttpResponse(int status, Map<String, String> headers, String body) {
}
