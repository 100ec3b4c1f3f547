package dev.jchat.wire;

import java.util.Map;
import java.util.function.Function;

/**
 * An HTTP request as any transport can describe it. {@code body} holds at most a few bytes more than
 * the 16 KiB limit (the transport may stop reading there); {@code header} looks a header up by name.
 */
public record HttpRequest(String method, String path, Map<String, String> query,
                          Function<String, String> header, byte[] body, String remoteAddress) {
}
