package dev.jchat.jakarta.tyrus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.conformance.TestChat;
import dev.jchat.core.chat.ChatSettings;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the standalone Tyrus transport adds to the conformance suite: the web page, and Tyrus-specific limits. */
@Timeout(30)
class JakartaTransportTest {
  private TestChat chat;
  private JakartaTransport transport;

  @BeforeEach
  void start() {
    chat = new TestChat(ChatSettings.defaults(), "jakarta");
    transport = JakartaTransport.start(chat.endpoints(), "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    transport.close();
    chat.close();
  }

  @Test
  void the_web_page_from_classpath_web_is_served_on_the_port_of_the_api_and_the_socket() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("served from classpath /web");
    assertThat(http.send(HttpRequest.newBuilder(url("/index.html")).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(200);
    assertThat(http.send(HttpRequest.newBuilder(url("/no-such-file.js")).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(404);
    assertThat(http.send(HttpRequest.newBuilder(url("/health")).build(), HttpResponse.BodyHandlers.ofString())
        .body()).contains("\"transport\":\"jakarta\"");
  }

  @Test
  void a_text_frame_announcing_5_mib_is_refused_at_its_header_with_1009_not_buffered() throws Exception {
    assertThat(closeCodeAfterHeader(0x1, 5L << 20)).isEqualTo(1009);
  }

  @Test
  void a_binary_frame_announcing_5_mib_is_refused_at_its_header_with_1003() throws Exception {
    assertThat(closeCodeAfterHeader(0x2, 5L << 20)).isEqualTo(1003);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + transport.port() + path);
  }

  /** Upgrades a raw socket, sends the header of one huge frame and a little of its payload, returns the close code. */
  private int closeCodeAfterHeader(int opcode, long length) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", transport.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      DataInputStream in = new DataInputStream(socket.getInputStream());
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        head.append((char) in.readUnsignedByte());
      }
      assertThat(head.toString()).startsWith("HTTP/1.1 101");
      byte[] frame = new byte[2 + 8 + 4 + 1000];
      frame[0] = (byte) (0x80 | opcode);
      frame[1] = (byte) (0x80 | 127);
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) (length >>> (56 - 8 * i));
      }
      out.write(frame); // mask 0, then 1000 of the announced bytes
      out.flush();
      while (true) {
        int first = in.readUnsignedByte();
        int size = in.readUnsignedByte() & 0x7f;
        byte[] payload = in.readNBytes(size < 126 ? size : size == 126 ? in.readUnsignedShort() : (int) in.readLong());
        if ((first & 0x0f) == 0x8) {
          return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
      }
    }
  }
}
