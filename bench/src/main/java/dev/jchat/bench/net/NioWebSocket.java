package dev.jchat.bench.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal RFC 6455 client on a non-blocking socket: the upgrade request, masked text frames out,
 * unmasked frames in (fragments joined, pings answered, close codes reported). It exists because a
 * load generator must spend as little CPU per delivery as it can; BENCHMARKS.md compares it with the
 * JDK's client. No extensions are negotiated. All its work runs on its {@link EventLoop}.
 */
final class NioWebSocket implements WebSocket, EventLoop.Ready {
  private static final int OP_CONTINUATION = 0x0;
  private static final int OP_TEXT = 0x1;
  private static final int OP_CLOSE = 0x8;
  private static final int OP_PING = 0x9;
  private static final int MAX_HEADER_BYTES = 14;
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  private enum State { CONNECTING, HANDSHAKE, OPEN, CLOSED }

  private final EventLoop loop;
  private final URI uri;
  private final WebSocketListener listener;
  private SocketChannel channel;
  private SelectionKey key;
  private State state = State.CONNECTING;

  /** Bytes read but not yet parsed (an incomplete frame); null when everything was parsed. */
  private ByteBuffer unparsed;
  private final ArrayDeque<ByteBuffer> unwritten = new ArrayDeque<>();
  private ByteArrayOutputStream fragments;
  private int fragmentsOpcode;

  private NioWebSocket(EventLoop loop, URI uri, WebSocketListener listener) {
    this.loop = loop;
    this.uri = uri;
    this.listener = listener;
  }

  /** The NIO client: connections spread over the given loops by the caller. */
  static Connector connector(EventLoop[] loops) {
    return new Connector() {
      @Override
      public void connect(URI uri, EventLoop loop, WebSocketListener listener) {
        NioWebSocket socket = new NioWebSocket(loop, uri, listener);
        loop.execute(socket::start);
      }

      @Override
      public EventLoop[] loops() {
        return loops;
      }

      @Override
      public String name() {
        return "nio";
      }

      @Override
      public void close() {
        for (EventLoop loop : loops) {
          loop.close();
        }
      }
    };
  }

  private void start() {
    try {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      int port = uri.getPort() > 0 ? uri.getPort() : 80;
      key = channel.register(loop.selector(), SelectionKey.OP_CONNECT, this);
      if (channel.connect(new InetSocketAddress(uri.getHost(), port))) {
        connected();
      }
    } catch (IOException | RuntimeException e) {
      broke("connect: " + e.getMessage());
    }
  }

  @Override
  public void ready(SelectionKey ready) {
    try {
      if (!ready.isValid()) {
        broke("key cancelled");
        return;
      }
      if (ready.isConnectable()) {
        channel.finishConnect();
        connected();
        return;
      }
      if (ready.isWritable()) {
        flush();
      }
      if (ready.isValid() && ready.isReadable()) {
        read();
      }
    } catch (IOException | RuntimeException e) {
      broke(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void connected() throws IOException {
    state = State.HANDSHAKE;
    key.interestOps(SelectionKey.OP_READ);
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String request = "GET " + path + " HTTP/1.1\r\n"
        + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n";
    write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
  }

  // --- reading ---

  private void read() throws IOException {
    while (state != State.CLOSED) {
      ByteBuffer buffer;
      if (unparsed != null) {
        buffer = unparsed;
      } else {
        buffer = loop.readBuffer();
        buffer.clear();
      }
      int read = channel.read(buffer);
      if (read < 0) {
        broke("connection closed by the server without a close frame");
        return;
      }
      boolean filled = !buffer.hasRemaining();
      int end = buffer.position();
      int consumed = parse(buffer.array(), end);
      keepUnparsed(buffer, consumed, end);
      if (!filled || read == 0) {
        return;
      }
    }
  }

  /** Parses complete frames in {@code bytes[0, end)}; answers how many bytes it consumed. */
  private int parse(byte[] bytes, int end) throws IOException {
    int at = 0;
    if (state == State.HANDSHAKE) {
      int headerEnd = indexOf(bytes, 0, end, HEADER_END);
      if (headerEnd < 0) {
        return 0;
      }
      String status = new String(bytes, 0, Math.min(headerEnd, 64), StandardCharsets.US_ASCII);
      if (!status.startsWith("HTTP/1.1 101")) {
        broke("upgrade refused: " + status.lines().findFirst().orElse(""));
        return end;
      }
      state = State.OPEN;
      at = headerEnd + HEADER_END.length;
      listener.onOpen(this);
    }
    while (state == State.OPEN && end - at >= 2) {
      int first = bytes[at] & 0xFF;
      int second = bytes[at + 1] & 0xFF;
      boolean fin = (first & 0x80) != 0;
      int opcode = first & 0x0F;
      long length = second & 0x7F;
      int header = 2;
      if (length == 126) {
        if (end - at < 4) {
          break;
        }
        length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
        header = 4;
      } else if (length == 127) {
        if (end - at < 10) {
          break;
        }
        length = 0;
        for (int i = 2; i < 10; i++) {
          length = (length << 8) | (bytes[at + i] & 0xFF);
        }
        header = 10;
      }
      if ((second & 0x80) != 0) {
        throw new IOException("the server masked a frame");
      }
      if (length > Integer.MAX_VALUE - MAX_HEADER_BYTES) {
        throw new IOException("frame too large: " + length);
      }
      if (end - at < header + length) {
        break;
      }
      frame(fin, opcode, bytes, at + header, (int) length);
      at += header + (int) length;
    }
    return at;
  }

  private void frame(boolean fin, int opcode, byte[] bytes, int offset, int length) throws IOException {
    switch (opcode) {
      case OP_TEXT, OP_CONTINUATION -> {
        if (opcode == OP_TEXT && fin && fragments == null) {
          listener.onText(this, bytes, offset, length);
          return;
        }
        if (opcode == OP_TEXT || fragments == null) {
          fragments = new ByteArrayOutputStream(Math.max(length * 2, 1024));
          fragmentsOpcode = opcode;
        }
        fragments.write(bytes, offset, length);
        if (fin) {
          byte[] whole = fragments.toByteArray();
          fragments = null;
          if (fragmentsOpcode == OP_TEXT) {
            listener.onText(this, whole, 0, whole.length);
          }
        }
      }
      case OP_CLOSE -> {
        int code = length >= 2 ? ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF) : 1005;
        String reason = length > 2 ? new String(bytes, offset + 2, length - 2, StandardCharsets.UTF_8) : "";
        sendFrame(OP_CLOSE, closePayload(code == 1005 ? 1000 : code));
        finish(code, reason);
      }
      case OP_PING -> sendFrame(0xA, java.util.Arrays.copyOfRange(bytes, offset, offset + length));
      default -> {
        // pong and binary frames: nothing to do
      }
    }
  }

  /** Keeps the bytes of an incomplete frame for the next read, in a buffer large enough for it. */
  private void keepUnparsed(ByteBuffer buffer, int consumed, int end) {
    int left = end - consumed;
    if (left == 0) {
      unparsed = null;
      return;
    }
    int needed = Math.max(left + 4096, frameSize(buffer.array(), consumed, end));
    ByteBuffer target = unparsed != null && unparsed.capacity() >= needed ? unparsed : ByteBuffer.allocate(needed);
    System.arraycopy(buffer.array(), consumed, target.array(), 0, left);
    target.clear().position(left);
    unparsed = target;
  }

  /** The whole size of the frame starting at {@code at}, when its header is complete; else 0. */
  private int frameSize(byte[] bytes, int at, int end) {
    if (state != State.OPEN || end - at < 2) {
      return 0;
    }
    int length = bytes[at + 1] & 0x7F;
    if (length < 126) {
      return 2 + length;
    }
    if (length == 126) {
      return end - at < 4 ? 0 : 4 + (((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF));
    }
    if (end - at < 10) {
      return 0;
    }
    long big = 0;
    for (int i = 2; i < 10; i++) {
      big = (big << 8) | (bytes[at + i] & 0xFF);
    }
    return (int) Math.min(Integer.MAX_VALUE - 16, 10 + big);
  }

  // --- writing ---

  @Override
  public void sendText(String text) {
    if (!loop.inLoop()) {
      loop.execute(() -> sendText(text));
      return;
    }
    if (state != State.OPEN) {
      return;
    }
    try {
      sendFrame(OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      broke("write: " + e.getMessage());
    }
  }

  private void sendFrame(int opcode, byte[] payload) throws IOException {
    int length = payload.length;
    int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
    byte[] frame = new byte[header + 4 + length];
    frame[0] = (byte) (0x80 | opcode);
    if (header == 2) {
      frame[1] = (byte) (0x80 | length);
    } else if (header == 4) {
      frame[1] = (byte) (0x80 | 126);
      frame[2] = (byte) (length >>> 8);
      frame[3] = (byte) length;
    } else {
      frame[1] = (byte) (0x80 | 127);
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
      }
    }
    int mask = ThreadLocalRandom.current().nextInt();
    byte[] maskBytes = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
    System.arraycopy(maskBytes, 0, frame, header, 4);
    int start = header + 4;
    for (int i = 0; i < length; i++) {
      frame[start + i] = (byte) (payload[i] ^ maskBytes[i & 3]);
    }
    write(ByteBuffer.wrap(frame));
  }

  private void write(ByteBuffer bytes) throws IOException {
    if (!unwritten.isEmpty()) {
      unwritten.add(bytes);
      return;
    }
    channel.write(bytes);
    if (bytes.hasRemaining()) {
      unwritten.add(bytes);
      key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
    }
  }

  private void flush() throws IOException {
    while (!unwritten.isEmpty()) {
      ByteBuffer next = unwritten.peek();
      channel.write(next);
      if (next.hasRemaining()) {
        return;
      }
      unwritten.poll();
    }
    key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
  }

  @Override
  public int pendingFrames() {
    return unwritten.size();
  }

  // --- closing ---

  @Override
  public void close(int code) {
    if (!loop.inLoop()) {
      loop.execute(() -> close(code));
      return;
    }
    if (state == State.OPEN) {
      try {
        sendFrame(OP_CLOSE, closePayload(code));
      } catch (IOException e) {
        // closing anyway
      }
    }
    finish(code, "closed by the client");
  }

  private static byte[] closePayload(int code) {
    return new byte[] {(byte) (code >>> 8), (byte) code};
  }

  private void broke(String why) {
    finish(1006, why);
  }

  private void finish(int code, String reason) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    unparsed = null;
    unwritten.clear();
    try {
      if (key != null) {
        key.cancel();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // the connection is gone either way
    }
    listener.onClose(this, code, reason);
  }

  private static int indexOf(byte[] bytes, int from, int end, byte[] wanted) {
    outer:
    for (int i = from; i <= end - wanted.length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (bytes[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
