package dev.jchat.jakarta.example;

import dev.jchat.auth.JwtTokenService;
import dev.jchat.core.api.ClientSession;
import dev.jchat.core.chat.ChatService;
import dev.jchat.core.domain.User;
import dev.jchat.core.local.SystemClock;
import dev.jchat.core.port.Connection;
import dev.jchat.wire.JsonFrameCodec;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The chat core embedded in another JVM application, with in-memory stores and no server: the
 * application builds a {@link ChatService} (in-memory parts unless told otherwise) and carries frames
 * between the core and its clients however it likes (here, a callback per client). Swap in
 * {@code JdbcMessageStore} to keep messages, or serve the same {@code ChatService} over a transport
 * ({@code JakartaTransport.start(endpoints, host, port)}).
 */
public final class EmbeddedChat implements AutoCloseable {
  private final SystemClock clock = new SystemClock();
  private final JwtTokenService tokens;
  private final ChatService chat;

  public EmbeddedChat(byte[] tokenSecret) {
    tokens = new JwtTokenService(tokenSecret, Duration.ofHours(24), clock);
    chat = ChatService.builder().tokens(tokens).codec(new JsonFrameCodec()).clock(clock).build();
  }

  /** The application knows its users; it hands each client a token the chat accepts. */
  public String tokenFor(User user) {
    return tokens.issue(user);
  }

  /** Connects a client: the core's frames for it go to {@code toClient}. */
  public Client connect(Consumer<String> toClient) {
    return new Client(chat.open(new CallbackConnection(toClient)));
  }

  @Override
  public void close() {
    chat.shutdown();
    clock.close();
  }

  /** One connected client: what it sends goes to {@link #send} as protocol frames (JSON text). */
  public final class Client {
    private final ClientSession session;

    private Client(ClientSession session) {
      this.session = session;
    }

    public void send(String frame) {
      session.receive(frame);
    }

    public void disconnect() {
      session.closed();
    }
  }

  /** The core's side of a client that lives in this JVM: a frame is "written" once handed over. */
  private record CallbackConnection(Consumer<String> toClient) implements Connection {
    @Override
    public void send(List<String> frames, SendCallback done) {
      frames.forEach(toClient);
      done.sent();
    }

    @Override
    public void ping() {
    }

    @Override
    public void close(int code, String reason) {
      toClient.accept("closed " + code);
    }

    @Override
    public void abort() {
    }

    @Override
    public String remoteAddress() {
      return "in-process";
    }
  }
}
