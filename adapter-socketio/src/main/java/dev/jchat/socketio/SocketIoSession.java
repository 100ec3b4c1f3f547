package dev.jchat.socketio;

import dev.jchat.core.api.Chat;
import dev.jchat.core.api.ClientSession;
import dev.jchat.core.domain.CloseCode;
import dev.jchat.core.port.Connection;
import dev.jchat.wire.EncodedFrames;
import dev.jchat.wire.Failures;
import dev.jchat.wire.SocketIoCodec;
import dev.jchat.wire.SocketIoCodec.Incoming;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The main namespace of one Socket.IO connection, in front of the core: the connect packet becomes the
 * core's auth request, events become requests, and the core's frames go out as Socket.IO packets (each
 * broadcast translated once, by {@link EncodedFrames}). To the core this is one more {@link Connection}.
 */
final class SocketIoSession implements Connection {
  /**
   * Closes after which a client that reconnected by itself would only be refused again: the client
   * is told with a Socket.IO DISCONNECT, which stops its reconnecting. After other closes (shutdown, a
   * slow or silent client, an oversized packet) a Socket.IO client reconnects and recovers with since.
   */
  private static final Set<Integer> FINAL_CLOSES = Set.of(CloseCode.AUTH_FAILED.code(),
      CloseCode.POLICY_VIOLATION.code(), CloseCode.BINARY_FRAME.code(), CloseCode.INVALID_UTF8.code());
  private static final String DISCONNECT = Packets.MESSAGE + "1";

  private enum State { WAITING_FOR_CONNECT, AUTHENTICATING, CONNECTED, REFUSED }

  private final EngineSocket engine;
  private final SocketIoCodec codec;
  private final EncodedFrames packets;
  private final String remoteAddress;
  private final String origin;
  private volatile ClientSession client;
  private volatile State state = State.WAITING_FOR_CONNECT;

  SocketIoSession(EngineSocket engine, SocketIoCodec codec, EncodedFrames packets, String remoteAddress,
                  String origin) {
    this.engine = engine;
    this.codec = codec;
    this.packets = packets;
    this.remoteAddress = remoteAddress;
    this.origin = origin;
  }

  /** Opens the core's side of the connection; the core's auth timeout runs until the client connects. */
  void open(Chat chat) {
    client = Failures.guarded(chat.open(this));
  }

  // ---- from the client, one packet at a time

  /** A Socket.IO packet (an Engine.IO message). */
  void message(String packet) {
    Incoming incoming = codec.decode(packet);
    if (incoming instanceof SocketIoCodec.Connect connect) {
      if (state == State.WAITING_FOR_CONNECT) {
        state = State.AUTHENTICATING;
        client.receive(connect.authFrame());
      }
    } else if (incoming instanceof SocketIoCodec.Request request) {
      if (state == State.CONNECTED) { // like Socket.IO, events for a namespace not joined are dropped
        client.receive(request.frame());
      }
    } else if (incoming instanceof SocketIoCodec.UnknownNamespace refused) {
      engine.sendPacket(Packets.utf8(Packets.MESSAGE + refused.reply()));
    } else if (incoming instanceof SocketIoCodec.Binary) {
      refuse(CloseCode.BINARY_FRAME, "binary packets are not supported");
    } else if (incoming instanceof SocketIoCodec.Disconnect || incoming instanceof SocketIoCodec.Invalid) {
      engine.end();
    }
  }

  /** What the transport refuses (binary, a packet over the limit, bytes that are not UTF-8), closed as on /ws. */
  void refuse(CloseCode code, String reason) {
    client.close(code, reason);
  }

  void pong() {
    client.pong();
  }

  /** The Engine.IO session is over. */
  void ended() {
    client.closed();
  }

  // ---- from the core

  @Override
  public void send(List<String> frames, SendCallback done) {
    List<ByteBuffer> out = new ArrayList<>(frames.size());
    for (String frame : frames) {
      if (state == State.AUTHENTICATING) { // the first frame after the connect answers it
        String answer = codec.connectAnswer(frame);
        state = answer.charAt(0) == '0' ? State.CONNECTED : State.REFUSED;
        out.add(Packets.utf8(Packets.MESSAGE + answer));
      } else {
        out.add(packets.utf8(frame));
      }
    }
    engine.send(out, done);
  }

  /** Engine.IO's heartbeat stands in for WebSocket pings. */
  @Override
  public void ping() {
  }

  @Override
  public void close(int code, String reason) {
    if (state == State.CONNECTED && FINAL_CLOSES.contains(code)) {
      engine.sendPacket(Packets.utf8(DISCONNECT));
    }
    engine.close();
  }

  @Override
  public void abort() {
    engine.end();
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public String origin() {
    return origin;
  }
}
