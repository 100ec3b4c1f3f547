package com.example.embedded;

import dev.jchat.core.api.ClientSession;
import dev.jchat.core.port.Connection;
import dev.jchat.embedded.Chat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client that lives in the same JVM as the chat, with no socket in between: what it sends goes
 * straight to its {@link ClientSession}, and the frames the chat writes to it (the protocol's JSON
 * events) are queued here. A transport does the same with a WebSocket.
 */
public final class InProcessClient implements Connection {
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final ClientSession session;

  private InProcessClient(Chat chat) {
    this.session = chat.open(this);
  }

  /** Connects to the chat and authenticates with the token. */
  public static InProcessClient connect(Chat chat, String token) {
    InProcessClient client = new InProcessClient(chat);
    client.send("{\"event\":\"auth\",\"data\":{\"token\":\"" + token + "\"}}");
    return client;
  }

  /** One frame to the chat, as a client would send it over the socket. */
  public void send(String frame) {
    session.receive(frame);
  }

  /** Waits for the next frame of the event, passing over others; fails after the timeout. */
  public String await(String event, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String frame = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new IllegalStateException("no " + event + " within " + timeout);
      }
      if (frame.startsWith("{\"event\":\"" + event + "\"")) {
        return frame;
      }
    }
  }

  /** The client goes away, as a closed socket would tell the chat. */
  public void disconnect() {
    session.closed();
  }

  @Override
  public void send(List<String> frames, SendCallback done) {
    received.addAll(frames);
    done.sent();
  }

  @Override
  public void ping() {
    session.pong(); // nothing in between that could lose a client: it answers at once
  }

  /** The chat closes the client: queued as a {@code closed} event of this client's own, not the protocol's. */
  @Override
  public void close(int code, String reason) {
    received.add("{\"event\":\"closed\",\"data\":{\"code\":" + code + "}}");
  }

  @Override
  public void abort() {
    close(1006, "dropped");
  }

  @Override
  public String remoteAddress() {
    return "in-process";
  }
}
