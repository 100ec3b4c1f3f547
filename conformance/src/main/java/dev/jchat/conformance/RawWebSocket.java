package dev.jchat.conformance;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare WebSocket client over a plain socket, for what the JDK client will not do: send invalid
 * UTF-8, offer extensions, or never answer a ping. Frames are masked as RFC 6455 requires; the
 * client never pongs.
 */
public final class RawWebSocket implements AutoCloseable {
  public static final int TEXT = 0x1;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;

  /** A frame from the server; {@code closeCode} is set for a close frame. */
  public record Frame(int opcode, byte[] payload) {
    public int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }

    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final Map<String, String> responseHeaders;
  private final SecureRandom random = new SecureRandom();
  private int pingsSeen;

  private RawWebSocket(Socket socket, DataInputStream in, Map<String, String> responseHeaders) throws IOException {
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
    this.responseHeaders = responseHeaders;
  }

  /** Opens {@code /ws} on 127.0.0.1 with the given extra request headers; fails unless upgraded. */
  public static RawWebSocket connect(int port, Map<String, String> extraHeaders) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) WireClient.TIMEOUT.toMillis());
    byte[] nonce = new byte[16];
    new SecureRandom().nextBytes(nonce);
    StringBuilder request = new StringBuilder()
        .append("GET /ws HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n")
        .append("Upgrade: websocket\r\n")
        .append("Connection: Upgrade\r\n")
        .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(nonce)).append("\r\n")
        .append("Sec-WebSocket-Version: 13\r\n");
    extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("\r\n");
    socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    DataInputStream in = new DataInputStream(socket.getInputStream());
    String status = readLine(in);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    if (!status.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("not upgraded: " + status);
    }
    return new RawWebSocket(socket, in, headers);
  }

  /** A response header of the upgrade, by lower-case name, or null. */
  public String responseHeader(String name) {
    return responseHeaders.get(name);
  }

  public void sendText(String text) throws IOException {
    send(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends the text frames in one write, so that they reach the server together (a burst that does
   * not depend on how fast this machine is).
   */
  public void sendTexts(List<String> texts) throws IOException {
    ByteArrayOutputStream burst = new ByteArrayOutputStream();
    for (String text : texts) {
      burst.write(frame(TEXT, text.getBytes(StandardCharsets.UTF_8)));
    }
    out.write(burst.toByteArray());
    out.flush();
  }

  /** Sends one final, masked frame with any payload, valid or not. */
  public void send(int opcode, byte[] payload) throws IOException {
    out.write(frame(opcode, payload));
    out.flush();
  }

  private byte[] frame(int opcode, byte[] payload) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    }
    byte[] mask = new byte[4];
    random.nextBytes(mask);
    frame.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    return frame.toByteArray();
  }

  /** The next frame from the server; fails after the timeout, null when the socket ended. */
  public Frame read(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    try {
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      return new Frame(first & 0x0f, payload);
    } catch (EOFException e) {
      return null;
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no frame within " + timeout, e);
    } catch (IOException e) {
      return null; // reset by the server
    }
  }

  /**
   * Reads, never answering pings, until the server's close frame; returns its code, or 1006 when
   * the connection ended without one. Counts the pings seen on the way.
   */
  public int awaitClose(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
      Frame frame = read(left);
      if (frame == null) {
        return 1006;
      }
      if (frame.opcode() == PING) {
        pingsSeen++;
      }
      if (frame.opcode() == CLOSE) {
        return frame.closeCode();
      }
    }
  }

  /** Pings the server sent while {@link #awaitClose} read (they were never answered). */
  public int pingsSeen() {
    return pingsSeen;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
