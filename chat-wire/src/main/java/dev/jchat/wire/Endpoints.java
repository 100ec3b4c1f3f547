package dev.jchat.wire;

import dev.jchat.core.api.Chat;

/**
 * Everything a transport serves: the socket chat at {@code /ws}, the HTTP API, and the origin
 * allow-list checked before either. A transport adds nothing but its server library.
 */
public record Endpoints(Chat chat, HttpApi http, OriginPolicy origins) {
  /** A text frame whose UTF-8 form is larger closes the connection with 1009. */
  public static final int MAX_FRAME_BYTES = 16 * 1024;
}
