package dev.jchat.bench.client;

import dev.jchat.bench.net.EventLoop;
import dev.jchat.bench.net.WebSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A client of our protocol (PROTOCOL.md): {@code auth} (ack 1), {@code room:join} (ack 2, ready at
 * {@code presence:state}), then {@code chat:send} with acks from 3 on, whose latency it measures, and a
 * {@code clientMsgId} as the web page sends one (so the store does its idempotency work too).
 * Without a room it is ready once authenticated (the idle scenario).
 */
public final class JchatClient extends BenchClient {
  private static final byte[] EVENT = Bytes.ascii("{\"event\":\"");
  private static final byte[] CHAT_NEW = Bytes.ascii("chat:new\"");
  private static final byte[] ACK = Bytes.ascii("ack\"");
  private static final byte[] ERROR = Bytes.ascii("chat:error\"");
  private static final byte[] HISTORY = Bytes.ascii("chat:history\"");
  private static final byte[] PRESENCE_STATE = Bytes.ascii("presence:state\"");
  private static final byte[] ACK_KEY = Bytes.ascii("\"ack\":");
  private static final byte[] ID_KEY = Bytes.ascii("\"id\":");
  private static final byte[] HAS_MORE = Bytes.ascii("\"hasMore\":true");
  private static final int AUTH_ACK = 1;
  private static final int JOIN_ACK = 2;
  private static final int FIRST_SEND_ACK = 3;
  private static final int ACK_RING = 4096;

  private final String token;
  private final Long since;
  private final CompletableFuture<History> history = new CompletableFuture<>();
  private int nextAck = FIRST_SEND_ACK;
  private long[] sentAt;
  private byte[] sentStep;
  private volatile long joinSentAt;

  /** The first {@code chat:history} after the join: when it came, how many messages, how large. */
  public record History(long joinSentAt, long receivedAt, int messages, boolean hasMore, int bytes, long newestId) {
  }

  public JchatClient(Measurements measurements, int index, String room, EventLoop loop, String token, Long since) {
    super(measurements, index, room, loop);
    this.token = token;
    this.since = since;
  }

  @Override
  public URI uri(String baseUrl) {
    return URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws");
  }

  /** Completes when the history that answers the join arrives. */
  public CompletableFuture<History> history() {
    return history;
  }

  @Override
  public void onOpen(WebSocket socket) {
    super.onOpen(socket);
    socket.sendText("{\"event\":\"auth\",\"data\":{\"token\":\"" + token + "\"},\"ack\":" + AUTH_ACK + "}");
  }

  @Override
  public void onText(WebSocket socket, byte[] bytes, int offset, int length) {
    int end = offset + length;
    if (!Bytes.startsWith(bytes, offset, end, EVENT)) {
      return;
    }
    int name = offset + EVENT.length;
    if (Bytes.startsWith(bytes, name, end, CHAT_NEW)) {
      delivered(bytes, offset, end);
    } else if (Bytes.startsWith(bytes, name, end, ACK)) {
      acked(socket, Bytes.numberAfter(bytes, offset, end, ACK_KEY));
    } else if (Bytes.startsWith(bytes, name, end, HISTORY)) {
      history(bytes, offset, end);
    } else if (Bytes.startsWith(bytes, name, end, PRESENCE_STATE)) {
      becomeReady();
    } else if (Bytes.startsWith(bytes, name, end, ERROR)) {
      long ack = Bytes.numberAfter(bytes, offset, end, ACK_KEY);
      if (ack == AUTH_ACK || ack == JOIN_ACK || !ready().isDone()) {
        fail(new String(bytes, offset, length, StandardCharsets.UTF_8));
      } else {
        error();
      }
    }
  }

  private void acked(WebSocket socket, long ack) {
    if (ack == AUTH_ACK) {
      if (room == null) {
        becomeReady();
      } else {
        joinSentAt = System.nanoTime();
        socket.sendText("{\"event\":\"room:join\",\"data\":{\"room\":\"" + room + "\""
            + (since == null ? "" : ",\"since\":" + since) + "},\"ack\":" + JOIN_ACK + "}");
      }
    } else if (ack >= FIRST_SEND_ACK && sentAt != null) {
      int slot = (int) (ack % ACK_RING);
      StepStats step = measurements.forStep(sentStep[slot]);
      if (step != null) {
        step.acked(System.nanoTime() - sentAt[slot]);
      }
    }
  }

  private void history(byte[] bytes, int offset, int end) {
    long receivedAt = System.nanoTime();
    int newest = Bytes.lastIndexOf(bytes, offset, end, ID_KEY);
    long newestId = newest < 0 ? 0 : Bytes.number(bytes, newest + ID_KEY.length, end);
    seen(newestId);
    if (!history.isDone()) {
      history.complete(new History(joinSentAt, receivedAt, Bytes.count(bytes, offset, end, ID_KEY),
          Bytes.indexOf(bytes, offset, end, HAS_MORE) >= 0, end - offset, newestId));
    }
  }

  @Override
  protected boolean sendText(String text, long now, int step) {
    WebSocket current = socket;
    if (current == null) {
      return false;
    }
    if (sentAt == null) {
      sentAt = new long[ACK_RING];
      sentStep = new byte[ACK_RING];
    }
    int ack = nextAck;
    nextAck = ack == Integer.MAX_VALUE ? FIRST_SEND_ACK : ack + 1;
    sentAt[ack % ACK_RING] = now;
    sentStep[ack % ACK_RING] = (byte) step;
    current.sendText("{\"event\":\"chat:send\",\"data\":{\"room\":\"" + room + "\",\"text\":\"" + text
        + "\",\"clientMsgId\":\"" + index + "-" + ack + "\"},\"ack\":" + ack + "}");
    return true;
  }
}
