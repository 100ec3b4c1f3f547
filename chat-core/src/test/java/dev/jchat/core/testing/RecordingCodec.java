package dev.jchat.core.testing;

import dev.jchat.core.port.FrameCodec;
import dev.jchat.core.protocol.Inbound;
import dev.jchat.core.protocol.ServerEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A codec for core tests: each encoded event becomes a unique token that maps back to the event, so
 * tests assert on event values and can see that a broadcast was encoded once (one token, many
 * recipients). Decoding is not used: core tests hand requests to the service already decoded.
 */
public final class RecordingCodec implements FrameCodec {
  private final Map<String, ServerEvent> events = new ConcurrentHashMap<>();
  private final AtomicLong counter = new AtomicLong();

  @Override
  public Inbound decode(String frame) {
    throw new UnsupportedOperationException("core tests pass decoded requests");
  }

  @Override
  public String encode(ServerEvent event) {
    String token = "frame-" + counter.incrementAndGet();
    events.put(token, event);
    return token;
  }

  public ServerEvent event(String frame) {
    return events.get(frame);
  }

  public List<ServerEvent> events(RecordingConnection connection) {
    return connection.frames().stream().map(this::event).toList();
  }
}
