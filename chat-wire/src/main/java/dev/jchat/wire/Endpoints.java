package dev.jchat.wire;

import dev.jchat.core.chat.ChatService;
import dev.jchat.core.chat.OriginPolicy;

/**
 * Everything a transport serves: the socket chat at {@code /ws}, the HTTP API, and the origin
 * allow-list checked before either. A transport adds nothing but its server library.
 */
public record Endpoints(ChatService chat, HttpApi http, OriginPolicy origins) {
  /** A text frame whose UTF-8 form is larger closes the connection with 1009. */
  public static final int MAX_FRAME_BYTES = 16 * 1024;
}
