package dev.jchat.core.port;

import dev.jchat.core.protocol.Inbound;
import dev.jchat.core.protocol.ServerEvent;

/** Turns text frames into requests and events into text frames (JSON in practice). Thread-safe. */
public interface FrameCodec {

  /** Decodes one client frame; a malformed frame becomes {@link Inbound.Malformed}, never an exception. */
  Inbound decode(String frame);

  String encode(ServerEvent event);
}
