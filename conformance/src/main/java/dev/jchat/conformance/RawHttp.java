package dev.jchat.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 POST over a plain socket bound to a chosen local address, so a test can be a second
 * client address (127.0.0.2 on Linux); the JDK's HttpClient cannot choose its source address.
 */
final class RawHttp {

  /** The status code and body of an answer. */
  record Answer(int status, String body) {
  }

  private RawHttp() {
  }

  /** Whether this machine lets a socket bind to the address (any 127/8 address on Linux). */
  static boolean canBind(String localAddress) {
    try (Socket probe = new Socket()) {
      probe.bind(new java.net.InetSocketAddress(InetAddress.getByName(localAddress), 0));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static Answer post(int port, String localAddress, String path, String json, Map<String, String> headers)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0)) {
      socket.setSoTimeout((int) WireClient.TIMEOUT.toMillis());
      StringBuilder request = new StringBuilder()
          .append("POST ").append(path).append(" HTTP/1.1\r\n")
          .append("Host: 127.0.0.1:").append(port).append("\r\n")
          .append("Content-Type: application/json\r\n")
          .append("Content-Length: ").append(body.length).append("\r\n")
          .append("Connection: close\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      request.append("\r\n");
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(body);
      socket.getOutputStream().flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Answer parse(byte[] response) throws IOException {
    String text = new String(response, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = text.substring(0, end);
    String body = text.substring(end + 4);
    int status = Integer.parseInt(head.substring(9, 12));
    if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      body = dechunk(new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
    return new Answer(status, body);
  }

  private static String dechunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n') {
        if (c == -1) {
          return out.toString(StandardCharsets.UTF_8);
        }
        if (c != '\r') {
          size.append((char) c);
        }
      }
      int length = Integer.parseInt(size.toString().trim(), 16);
      if (length == 0) {
        return out.toString(StandardCharsets.UTF_8);
      }
      out.write(in.readNBytes(length));
      in.read();
      in.read();
    }
  }
}
