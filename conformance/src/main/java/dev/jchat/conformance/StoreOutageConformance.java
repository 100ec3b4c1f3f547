package dev.jchat.conformance;

import static dev.jchat.conformance.Frames.data;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md sections 1 and 6, code {@code unavailable}: when the store cannot take a request the
 * client is told so, nothing is stored or broadcast, and the connection stays usable. And when the
 * server fails in a way nobody foresaw (a bug), {@code internal}: HTTP 500, or close 1011.
 */
public abstract class StoreOutageConformance extends ChatConformanceSuite {

  @Test
  void a_send_while_the_store_is_unreachable_gets_unavailable_and_nothing_is_stored_or_broadcast()
      throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      chat.storeReachable(false);
      assertThat(errorFor(a, "chat:send", data("room", "general", "text", "lost?"))).isEqualTo("unavailable");
      assertThat(b.framesUntilPong()).isEmpty();
      chat.storeReachable(true);
      send(a, "general", "after the outage");
      int ack = b.request("chat:history", data("room", "general"));
      b.awaitAnswer(ack);
      assertThat(texts(data(b.awaitEvent("chat:history")))).containsExactly("after the outage");
    }
  }

  @Test
  void a_join_or_a_page_while_the_store_is_unreachable_gets_unavailable_and_joins_nothing() throws Exception {
    Account alice = register("alice");
    try (WireClient a = connect(alice)) {
      join(a, "general");
      chat.storeReachable(false);
      assertThat(errorFor(a, "room:join", data("room", "random"))).isEqualTo("unavailable");
      assertThat(errorFor(a, "chat:history", data("room", "general"))).isEqualTo("unavailable");
      chat.storeReachable(true);
      assertThat(errorFor(a, "room:leave", data("room", "random"))).as("the failed join left no membership")
          .isEqualTo("not_member");
    }
  }

  @Test
  void a_failure_inside_the_chat_closes_that_connection_with_1011_and_the_others_go_on() throws Exception {
    Account alice = register("alice");
    Account bob = register("bob");
    try (WireClient a = connect(alice); WireClient b = connect(bob)) {
      join(a, "general");
      join(b, "general");
      chat.storeBroken(true);
      a.request("chat:send", data("room", "general", "text", "trips the bug"));
      assertThat(a.awaitClose()).isEqualTo(1011);
      chat.storeBroken(false);
      send(b, "general", "still here");
    }
  }

  @Test
  void the_http_api_answers_500_internal_when_handling_a_request_fails() throws Exception {
    Account alice = register("alice");
    chat.storeBroken(true);
    assertHttpError(get("/api/rooms", alice.token()), 500, "internal");
    chat.storeBroken(false);
    assertThat(get("/api/rooms", alice.token()).statusCode()).isEqualTo(200);
  }

  @Test
  void the_http_api_answers_503_unavailable_while_the_store_is_unreachable() throws Exception {
    Account alice = register("alice");
    chat.storeReachable(false);
    assertHttpError(get("/api/rooms", alice.token()), 503, "unavailable");
    assertHttpError(get("/api/rooms/general/messages", alice.token()), 503, "unavailable");
  }
}
