package dev.jchat.client;

import static dev.jchat.client.ClientApiTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.jdbc.TcpProxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the client recovers by itself: a server restart and a network cut in the middle of a stream
 * of sends lose nothing, store nothing twice, and every listener sees every message once, in order.
 * Each transport gets a server of its own, since these tests stop it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecoveryTest {
  private final List<ChatClient> clients = new ArrayList<>();
  private TestServer server;
  private String room;
  /** The sends of a test and their texts, in the order they were made. */
  private final List<CompletableFuture<SentMessage>> sent = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();

  abstract String transport();

  @BeforeAll
  void startServer() throws Exception {
    server = TestServer.start(transport());
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  @BeforeEach
  void newRoom() {
    room = Users.unique("room");
  }

  @AfterEach
  void closeClients() {
    clients.forEach(ChatClient::close);
    clients.clear();
    sent.clear();
    texts.clear();
  }

  @Test
  void aServerRestartInTheMiddleOfTwoStreamsLosesAndDoublesNothing() throws Exception {
    Chatter alice = chatter("alice", server.url());
    Chatter bob = chatter("bob", server.url());

    sendBoth(alice, bob, 1, 20);
    await(sent.get(9)); // the stream is under way: some stored, more waiting in the outboxes
    server.stop();
    alice.states.await(state -> state == ConnectionState.RECONNECTING, "alice reconnecting");
    sendBoth(alice, bob, 21, 30); // while the server is down
    server.startAgain();

    assertEveryMessageStoredAndSeenOnce(alice, bob);
  }

  @Test
  void aNetworkCutWhileSendingDrainsTheOutboxOnceItHeals() throws Exception {
    try (TcpProxy proxy = TcpProxy.start(new InetSocketAddress("127.0.0.1", server.port()))) {
      sendThroughAFault(proxy, proxy::cut, proxy::restore); // connections closed, new ones refused
    }
  }

  @Test
  void aSilentNetworkIsNoticedByTheHeartbeatAndTheOutboxDrainsOnceItSpeaksAgain() throws Exception {
    try (TcpProxy proxy = TcpProxy.start(new InetSocketAddress("127.0.0.1", server.port()))) {
      sendThroughAFault(proxy, proxy::freeze, proxy::thaw); // connections open, nothing passes: TCP notices nothing
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  /**
   * Alice, behind the proxy, sends a stream that the fault interrupts while most of it is still in
   * her outbox or on the wire, and more while the fault lasts; Bob, not behind it, watches.
   */
  private void sendThroughAFault(TcpProxy proxy, Step fault, Step heal) throws Exception {
    Chatter alice = chatter("alice", URI.create("http://127.0.0.1:" + proxy.port()));
    Chatter bob = chatter("bob", server.url());

    send(alice, 1, 30);
    await(sent.get(4));
    fault.run();
    alice.states.await(state -> state == ConnectionState.RECONNECTING, "alice giving the connection up");
    send(alice, 31, 40);
    heal.run();

    assertEveryMessageStoredAndSeenOnce(alice, bob);
  }

  /** A user's client, with what its listeners saw. */
  private record Chatter(String name, ChatClient client, RoomEvents room, Recorder<ConnectionState> states) {
  }

  private Chatter chatter(String name, URI url) throws Exception {
    Recorder<ConnectionState> states = new Recorder<>();
    ChatClient client = ChatClient.builder(url)
        .backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
        .heartbeat(Duration.ofMillis(500))
        .onConnectionState((state, session) -> states.add(state))
        .build();
    clients.add(client);
    String unique = Users.unique(name);
    client.register(unique, Users.PASSWORD);
    await(client.connect());
    RoomEvents events = new RoomEvents();
    await(client.join(room, events));
    return new Chatter(unique, client, events, states);
  }

  private void sendBoth(Chatter first, Chatter second, int from, int to) {
    for (int i = from; i <= to; i++) {
      send(first, i, i);
      send(second, i, i);
    }
  }

  private void send(Chatter chatter, int from, int to) {
    for (int i = from; i <= to; i++) {
      String text = chatter.name() + " " + i;
      texts.add(text);
      sent.add(chatter.client().send(room, text));
    }
  }

  private void assertEveryMessageStoredAndSeenOnce(Chatter... chatters) throws Exception {
    List<Long> seqs = new ArrayList<>();
    for (CompletableFuture<SentMessage> future : sent) {
      seqs.add(await(future).seq());
    }
    List<Long> oneToN = IntStream.rangeClosed(1, texts.size()).mapToObj(Long::valueOf).toList();
    assertThat(seqs).as("each send stored once, at a seq of its own").containsExactlyInAnyOrderElementsOf(oneToN);
    for (Chatter chatter : chatters) {
      List<Message> seen = chatter.room().messages.awaitCount(texts.size(), "messages for " + chatter.name());
      assertThat(seen).extracting(Message::seq).as(chatter.name() + " saw").containsExactlyElementsOf(oneToN);
      assertThat(seen).extracting(Message::text).containsExactlyInAnyOrderElementsOf(texts);
      for (Chatter sender : chatters) {
        assertThat(seen).extracting(Message::text).filteredOn(text -> text.startsWith(sender.name() + " "))
            .as("in the order " + sender.name() + " sent them")
            .containsExactlyElementsOf(texts.stream().filter(text -> text.startsWith(sender.name() + " ")).toList());
      }
    }
    assertThat(stored(chatters[0].client())).containsExactlyInAnyOrderElementsOf(texts);
  }

  /** Every message of the room, as the server's history pages have it. */
  private List<String> stored(ChatClient client) throws Exception {
    List<String> stored = new ArrayList<>();
    Long before = null;
    HistoryPage page;
    do {
      page = await(client.history(room, before, 100));
      stored.addAll(0, page.messages().stream().map(Message::text).toList());
      before = page.messages().isEmpty() ? null : page.messages().get(0).id();
    } while (page.hasMore());
    return stored;
  }
}
