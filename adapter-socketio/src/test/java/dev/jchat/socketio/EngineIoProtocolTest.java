package dev.jchat.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.chat.ChatSettings;
import dev.jchat.socketio.EngineIoServer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cases of the Engine.IO and Socket.IO protocol test suites (github.com/socketio/engine.io-protocol
 * and socket.io-protocol), packet by packet over raw HTTP and WebSocket clients. Their servers echo;
 * ours is the chat, so a message is a Socket.IO packet the chat answers. The heartbeat is fast here.
 */
@Timeout(30)
class EngineIoProtocolTest {
  private static final EngineIoSettings FAST = new EngineIoSettings(Duration.ofMillis(300), Duration.ofMillis(200),
      16384, Duration.ofSeconds(2));
  private static final String POLLING = "EIO=4&transport=polling";
  private static final String WEBSOCKET = "EIO=4&transport=websocket";

  private EngineIoServer server;

  @BeforeEach
  void start() throws Exception {
    server = new EngineIoServer(ChatSettings.defaults(), FAST);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private String connectPacket() {
    return "40{\"token\":\"" + server.token(7, "alice", Duration.ofHours(1)) + "\"}";
  }

  @Nested
  class Handshake {

    @Test
    void long_polling_opens_a_session_with_the_heartbeat_and_the_limit() throws Exception {
      Answer open = server.get(POLLING);

      assertThat(open.status()).isEqualTo(200);
      assertThat(open.body()).matches("0\\{\"sid\":\"[A-Za-z0-9_-]{20}\",\"upgrades\":\\[\"websocket\"],"
          + "\"pingInterval\":300,\"pingTimeout\":200,\"maxPayload\":16384}");
    }

    @Test
    void a_websocket_opens_a_session_of_its_own_that_cannot_upgrade() throws Exception {
      EngineIoServer.Socket socket = server.webSocket(WEBSOCKET);

      assertThat(socket.next()).startsWith("0{\"sid\":\"").contains("\"upgrades\":[]");
    }

    @Test
    void a_wrong_version_transport_or_method_is_a_bad_request() throws Exception {
      assertThat(server.get("transport=polling").status()).isEqualTo(400);
      assertThat(server.get("EIO=abc&transport=polling").status()).isEqualTo(400);
      assertThat(server.get("EIO=3&transport=polling").status()).isEqualTo(400);
      assertThat(server.get("EIO=4").status()).isEqualTo(400);
      assertThat(server.get("EIO=4&transport=abc").status()).isEqualTo(400);
      assertThat(server.post(POLLING, "").body()).contains("Bad handshake method");
      assertThat(server.put(POLLING).status()).isEqualTo(400);
    }

    @Test
    void an_unknown_session_id_is_a_bad_request() throws Exception {
      Answer answer = server.get(POLLING + "&sid=nope");

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
    }
  }

  @Nested
  class LongPolling {

    @Test
    void a_connect_posted_is_answered_in_the_next_polls_with_connect_and_the_session_event() throws Exception {
      String sid = server.handshake();

      assertThat(server.post(POLLING + "&sid=" + sid, connectPacket()).body()).isEqualTo("ok");

      assertThat(server.get(POLLING + "&sid=" + sid).body()).startsWith("40{\"sid\":\"");
      assertThat(server.get(POLLING + "&sid=" + sid).body()).startsWith("42[\"session\",{\"user\":{\"id\":7");
    }

    @Test
    void packets_posted_together_are_each_answered_and_what_waits_comes_in_one_response() throws Exception {
      String sid = server.handshake();
      server.post(POLLING + "&sid=" + sid, connectPacket());
      server.get(POLLING + "&sid=" + sid); // 40
      server.get(POLLING + "&sid=" + sid); // session

      server.post(POLLING + "&sid=" + sid, "420[\"room:join\",{\"room\":\"a\"}]\u001e421[\"room:join\",{\"room\":\"b\"}]");

      assertThat(server.get(POLLING + "&sid=" + sid).packets()).containsExactly("430[{\"room\":\"a\"}]");
      String[] rest = server.get(POLLING + "&sid=" + sid).packets(); // queued while the first answer went out
      assertThat(rest).hasSizeGreaterThan(1).contains("431[{\"room\":\"b\"}]");
      assertThat(rest[0]).startsWith("42[\"chat:history\",{\"room\":\"a\"");
    }

    @Test
    void an_invalid_packet_ends_the_session() throws Exception {
      String sid = server.handshake();

      server.post(POLLING + "&sid=" + sid, "abc");

      assertThat(server.get(POLLING + "&sid=" + sid).status()).isEqualTo(400);
    }

    @Test
    void a_second_poll_while_one_waits_ends_the_session() throws Exception {
      String sid = server.handshake();

      CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> poll(sid));
      CompletableFuture<Answer> second = CompletableFuture.supplyAsync(() -> poll(sid));

      // whichever came second is refused, and the waiting one is told the session is closed
      assertThat(List.of(first.get().body(), second.get().body()))
          .containsExactlyInAnyOrder("1", "{\"code\":3,\"message\":\"Bad request\"}");
      assertThat(server.get(POLLING + "&sid=" + sid).status()).isEqualTo(400);
    }

    @Test
    void a_body_over_the_limit_is_refused_with_413_and_ends_the_session() throws Exception {
      String sid = server.handshake();

      assertThat(server.post(POLLING + "&sid=" + sid, "4" + "x".repeat(16384)).status()).isEqualTo(413);

      String rest = server.get(POLLING + "&sid=" + sid).body();
      assertThat(rest).isEqualTo("1");
    }

    private Answer poll(String sid) {
      try {
        return server.get(POLLING + "&sid=" + sid);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Nested
  class Heartbeat {

    @Test
    void the_server_pings_and_a_pong_keeps_the_session() throws Exception {
      String sid = server.handshake();
      for (int i = 0; i < 3; i++) {
        assertThat(server.get(POLLING + "&sid=" + sid).body()).isEqualTo("2");
        assertThat(server.post(POLLING + "&sid=" + sid, "3").status()).isEqualTo(200);
      }
    }

    @Test
    void a_missing_pong_ends_the_session() throws Exception {
      String sid = server.handshake();
      assertThat(server.get(POLLING + "&sid=" + sid).body()).isEqualTo("2");

      assertThat(server.get(POLLING + "&sid=" + sid).body()).isEqualTo("1"); // waits past the ping timeout
      assertThat(server.get(POLLING + "&sid=" + sid).status()).isEqualTo(400);
    }

    @Test
    void over_websocket_too() throws Exception {
      EngineIoServer.Socket socket = server.webSocket(WEBSOCKET);
      socket.next(); // open
      for (int i = 0; i < 3; i++) {
        assertThat(socket.next()).isEqualTo("2");
        socket.send("3");
      }
      socket.awaitClose(); // no more pongs
    }
  }

  @Nested
  class Upgrade {

    @Test
    void a_websocket_probes_then_takes_over_and_long_polling_ends() throws Exception {
      String sid = server.handshake();
      EngineIoServer.Socket socket = server.webSocket(WEBSOCKET + "&sid=" + sid);

      socket.send("2probe");
      assertThat(socket.next()).isEqualTo("3probe");
      assertThat(server.get(POLLING + "&sid=" + sid).body()).isEqualTo("6"); // ends the waiting poll
      socket.send("5");
      socket.send(connectPacket());

      assertThat(socket.next()).startsWith("40{\"sid\":\"");
      assertThat(socket.next()).startsWith("42[\"session\"");
      assertThat(server.get(POLLING + "&sid=" + sid).status()).isEqualTo(400);
      assertThat(server.post(POLLING + "&sid=" + sid, "3").status()).isEqualTo(400);
    }

    @Test
    void a_second_websocket_cannot_take_over_an_upgraded_session() throws Exception {
      String sid = server.handshake();
      EngineIoServer.Socket first = server.webSocket(WEBSOCKET + "&sid=" + sid);
      first.send("2probe");
      first.next();
      first.send("5");

      EngineIoServer.Socket second = server.webSocket(WEBSOCKET + "&sid=" + sid);
      second.awaitClose();
      first.send(connectPacket());
      assertThat(first.next()).startsWith("40{\"sid\":\"");
    }
  }

  @Nested
  class SocketIo {

    @Test
    void another_namespace_is_refused_as_the_reference_server_does() throws Exception {
      EngineIoServer.Socket socket = server.webSocket(WEBSOCKET);
      socket.next();

      socket.send("40/random");

      assertThat(socket.next()).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
    }

    @Test
    void a_bad_token_gets_connect_error_auth_failed() throws Exception {
      EngineIoServer.Socket socket = server.webSocket(WEBSOCKET);
      socket.next();

      socket.send("40{\"token\":\"forged\"}");

      assertThat(socket.next()).isEqualTo("44{\"message\":\"auth_failed\"}");
      socket.awaitClose();
    }

    @Test
    void an_unknown_packet_type_ends_the_connection() throws Exception {
      EngineIoServer.Socket socket = server.webSocket(WEBSOCKET);
      socket.next();

      socket.send("4abc");

      socket.awaitClose();
    }

    @Test
    void an_event_that_is_not_an_array_ends_the_connection() throws Exception {
      EngineIoServer.Socket socket = connected();

      socket.send("42{}");

      socket.awaitClose();
    }

    @Test
    void a_binary_frame_ends_the_connection_with_a_disconnect() throws Exception {
      EngineIoServer.Socket socket = connected();

      socket.sendBinary(new byte[] {1, 2, 3});

      assertThat(socket.next()).isEqualTo("41");
      socket.awaitClose();
    }

    @Test
    void an_event_with_an_id_is_acknowledged_with_that_id() throws Exception {
      EngineIoServer.Socket socket = connected();

      socket.send("42456[\"room:join\",{\"room\":\"general\"}]");

      assertThat(socket.next()).isEqualTo("43456[{\"room\":\"general\"}]");
    }

    @Test
    void a_token_that_expires_ends_the_session_with_a_disconnect() throws Exception {
      EngineIoServer.Socket socket = connected(server, server.token(8, "bob", Duration.ofSeconds(1)));

      assertThat(socket.nextAnsweringPings()).isEqualTo("41"); // the client does not reconnect by itself
      socket.awaitClose();
    }

    @Test
    void socket_io_connections_count_toward_the_connection_cap_of_20_per_user() throws Exception {
      try (EngineIoServer slowHeartbeat = new EngineIoServer(ChatSettings.defaults(), EngineIoSettings.defaults())) {
        String token = slowHeartbeat.token(9, "carol", Duration.ofHours(1));
        for (int i = 0; i < 20; i++) {
          connected(slowHeartbeat, token);
        }
        EngineIoServer.Socket oneTooMany = slowHeartbeat.webSocket(WEBSOCKET);
        oneTooMany.next();

        oneTooMany.send("40{\"token\":\"" + token + "\"}");

        assertThat(oneTooMany.next()).isEqualTo("44{\"message\":\"rate_limited\"}");
      }
    }

    private EngineIoServer.Socket connected() throws Exception {
      return connected(server, server.token(7, "alice", Duration.ofHours(1)));
    }

    private static EngineIoServer.Socket connected(EngineIoServer at, String token) throws Exception {
      EngineIoServer.Socket socket = at.webSocket(WEBSOCKET);
      socket.next();
      socket.send("40{\"token\":\"" + token + "\"}");
      assertThat(socket.nextAnsweringPings()).startsWith("40{");
      assertThat(socket.nextAnsweringPings()).startsWith("42[\"session\"");
      return socket;
    }
  }

  @Nested
  class Origins {

    @Test
    void a_refused_origin_gets_403_without_cors_headers_and_no_session() throws Exception {
      Answer answer = server.get(POLLING, "Origin", "http://localhost.evil.example");

      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.headers()).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void an_admitted_origin_gets_its_cors_headers() throws Exception {
      Answer answer = server.get(POLLING, "Origin", "http://192.168.1.20:5173");

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.headers().get("access-control-allow-origin")).containsExactly("http://192.168.1.20:5173");
    }
  }
}
