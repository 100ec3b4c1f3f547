package dev.jchat.socketio;

import dev.jchat.core.domain.CloseCode;
import dev.jchat.core.port.Connection.SendCallback;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One Engine.IO session (protocol 4): its packets waiting for a long-polling request or a WebSocket,
 * the upgrade from one to the other, the heartbeat, and its close. Packets go out one write at a time:
 * what queues meanwhile goes in the next write, so a long-polling client gets every waiting packet in
 * one response. The core's outbox hands over one batch at a time and hears it was sent only when the
 * client has it, so a client that stops polling, or a socket that does not drain, fills the outbox up
 * to its bound and is dropped there. Thread-safe; no lock is held while calling out.
 */
final class EngineSocket {
  private final String sid;
  private final Scheduler scheduler;
  private final EngineIoSettings settings;
  private final Heartbeat heartbeat;
  private final Consumer<EngineSocket> onEnd;
  private final Object receiving = new Object();
  private volatile SocketIoSession session;

  private List<ByteBuffer> pending = new ArrayList<>();
  private List<SendCallback> owed = new ArrayList<>();
  /** A long-polling request waiting for packets. */
  private Link poll;
  /** The WebSocket packets go to, once upgraded (or from the start). */
  private Link.Socket socket;
  /** A WebSocket that is probing, before the upgrade. */
  private Link.Socket probe;
  private boolean writing;
  private boolean closing;
  private boolean closeSent;
  private volatile boolean ended;
  private Scheduler.Task closeDeadline;

  EngineSocket(String sid, Link.Socket socket, Scheduler scheduler, EngineIoSettings settings,
               Consumer<EngineSocket> onEnd) {
    this.sid = sid;
    this.socket = socket;
    this.scheduler = scheduler;
    this.settings = settings;
    this.onEnd = onEnd;
    this.heartbeat = new Heartbeat(scheduler, settings, () -> sendPacket(Packets.of(Packets.PING)), this::end);
  }

  /** Starts the session: its Socket.IO side, and the heartbeat. */
  void start(SocketIoSession socketIo) {
    this.session = socketIo;
    heartbeat.start();
  }

  String sid() {
    return sid;
  }

  // ---- out

  /** A batch of the core's, reported sent once the client has it. */
  void send(List<ByteBuffer> packets, SendCallback done) {
    boolean taken;
    synchronized (this) {
      taken = !ended;
      if (taken) {
        pending.addAll(packets);
        owed.add(done);
      }
    }
    if (taken) {
      flush();
    } else {
      done.failed(new IOException("the Engine.IO session has ended"));
    }
  }

  void sendPacket(ByteBuffer packet) {
    synchronized (this) {
      if (ended) {
        return;
      }
      pending.add(packet);
    }
    flush();
  }

  /**
   * Writes what waits, unless a write is in flight or nothing can take it now. Once a close has begun
   * and everything before it has gone out, the close goes out on its own: a client handles the
   * packets of one response after the transport event of its close packet, so a Socket.IO DISCONNECT
   * sharing a response with the close would come too late.
   */
  private void flush() {
    List<ByteBuffer> packets;
    List<SendCallback> callbacks;
    Link target;
    boolean last;
    synchronized (this) {
      if (ended || writing || closeSent || (socket == null && poll == null) || (pending.isEmpty() && !closing)) {
        return;
      }
      target = socket != null ? socket : poll;
      poll = null;
      closeSent = pending.isEmpty();
      packets = closeSent ? List.of(Packets.of(Packets.CLOSE)) : pending;
      callbacks = owed;
      pending = new ArrayList<>();
      owed = new ArrayList<>();
      writing = true;
      last = closeSent;
    }
    if (last && target instanceof Link.Socket webSocket) {
      webSocket.close(); // over WebSocket, the close handshake is the close; the end comes when it is done
      return;
    }
    target.write(packets, Callback.from(() -> written(callbacks, last), failure -> failed(callbacks, failure)));
  }

  private void written(List<SendCallback> callbacks, boolean last) {
    synchronized (this) {
      writing = false;
    }
    callbacks.forEach(SendCallback::sent);
    if (last) {
      end(); // the close packet went out in a long-polling response
    } else {
      flush();
    }
  }

  private void failed(List<SendCallback> callbacks, Throwable failure) {
    callbacks.forEach(callback -> callback.failed(failure));
    end();
  }

  // ---- in

  /** A long-polling request for packets; false when this session takes none (it has upgraded or ended). */
  boolean poll(Link request) {
    boolean duplicate;
    synchronized (this) {
      if (ended || socket != null) {
        return false;
      }
      duplicate = poll != null;
      if (!duplicate) {
        poll = request;
      }
    }
    if (duplicate) {
      end(); // two polls at once: Engine.IO closes the session
      return false;
    }
    flush();
    if (probing()) {
      releaseWaitingPoll(); // a WebSocket is taking over
    }
    return true;
  }

  private synchronized boolean probing() {
    return probe != null;
  }

  /** The long-polling request went away before it was answered. */
  synchronized void pollGone(Link request) {
    if (poll == request) {
      poll = null;
    }
  }

  /** Packets from a long-polling POST; false when this session has moved to a WebSocket and takes none. */
  boolean post(List<String> packets) {
    synchronized (this) {
      if (socket != null) {
        return false;
      }
    }
    receive(packets);
    return true;
  }

  /** Packets from a long-polling request, or from the upgraded WebSocket, one after the other. */
  private void receive(List<String> packets) {
    synchronized (receiving) {
      for (String packet : packets) {
        if (ended) {
          return;
        }
        dispatch(packet);
      }
    }
  }

  /** A packet from a WebSocket of this session: the probe and the upgrade, then everything else. */
  void receiveFromSocket(Link.Socket from, String packet) {
    boolean probing;
    synchronized (this) {
      probing = from == probe;
      if (!probing && from != socket) {
        return;
      }
    }
    if (!probing) {
      receive(List.of(packet));
    } else if (packet.equals(Packets.PING + Packets.PROBE)) {
      from.write(List.of(Packets.utf8(Packets.PONG + Packets.PROBE)), Callback.NOOP);
      releaseWaitingPoll(); // the client pauses polling
    } else if (packet.equals(String.valueOf(Packets.UPGRADE))) {
      upgrade(from);
    }
  }

  /** A WebSocket that wants to take over this long-polling session; false if it cannot. */
  synchronized boolean probeWith(Link.Socket candidate) {
    if (ended || socket != null || probe != null) {
      return false;
    }
    probe = candidate;
    return true;
  }

  /** A WebSocket of this session has closed: the session ends with it, unless it was only probing. */
  void socketClosed(Link.Socket closed) {
    synchronized (this) {
      if (closed == probe) {
        probe = null;
        return;
      }
      if (closed != socket) {
        return;
      }
    }
    end();
  }

  private void upgrade(Link.Socket to) {
    synchronized (this) {
      socket = to;
      probe = null;
    }
    releaseWaitingPoll();
    flush();
  }

  /** Answers a waiting long-polling request with a noop, so that the client can move to the WebSocket. */
  private void releaseWaitingPoll() {
    Link parked;
    synchronized (this) {
      parked = poll;
      poll = null;
    }
    if (parked != null) {
      parked.write(List.of(Packets.of(Packets.NOOP)), Callback.NOOP);
    }
  }

  private void dispatch(String packet) {
    char type = packet.isEmpty() ? ' ' : packet.charAt(0);
    switch (type) {
      case Packets.PONG -> {
        heartbeat.pong();
        session.pong();
      }
      case Packets.MESSAGE -> session.message(packet.substring(1));
      case Packets.BINARY -> refuse(CloseCode.BINARY_FRAME, "binary packets are not supported");
      case Packets.NOOP -> {
      }
      default -> end(); // a close, or not Engine.IO 4: the session ends
    }
  }

  /** What the transport refuses, closed by the core as on /ws, after what is queued. */
  void refuse(CloseCode code, String reason) {
    session.refuse(code, reason);
  }

  // ---- end

  /** Ends the session once what waits has gone out, the close last; drops it if that takes too long. */
  void close() {
    synchronized (this) {
      if (closing || ended) {
        return;
      }
      closing = true;
      closeDeadline = scheduler.schedule(this::end, settings.closeGrace().toMillis(), TimeUnit.MILLISECONDS);
    }
    flush();
  }

  /** The session is over: a waiting poll is told so, a socket dropped, and the core told. Idempotent. */
  void end() {
    Link parked;
    List<Link.Socket> sockets = new ArrayList<>();
    List<SendCallback> unsent;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      parked = poll;
      poll = null;
      if (socket != null) {
        sockets.add(socket);
      }
      if (probe != null) {
        sockets.add(probe);
      }
      unsent = owed;
      owed = new ArrayList<>();
      pending = new ArrayList<>();
      if (closeDeadline != null) {
        closeDeadline.cancel();
      }
    }
    heartbeat.stop();
    onEnd.accept(this);
    if (parked != null) {
      parked.write(List.of(Packets.of(Packets.CLOSE)), Callback.NOOP);
    }
    sockets.forEach(Link.Socket::abort);
    IOException gone = new IOException("the Engine.IO session has ended");
    unsent.forEach(callback -> callback.failed(gone));
    if (session != null) {
      session.ended();
    }
  }
}
