package dev.jchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every call of the client's API against the real server, refusals included; once per transport. */
abstract class ClientApiTest {
  private final List<ChatClient> clients = new ArrayList<>();
  private final String room = Users.unique("room");

  abstract String transport();

  TestServer server() {
    return TestServer.shared(transport());
  }

  @AfterEach
  void closeClients() {
    clients.forEach(ChatClient::close);
  }

  @Test
  void registersAndLogsInOverHttp() {
    ChatClient client = client(ChatClient.builder(server().url()));
    String name = Users.unique("Carol");
    Account registered = client.register(name, Users.PASSWORD);
    Account loggedIn = client.login(name.toLowerCase(), Users.PASSWORD);

    assertThat(registered.user().name()).isEqualTo(name);
    assertThat(loggedIn.user()).isEqualTo(registered.user());
    assertThat(loggedIn.toString()).doesNotContain(loggedIn.token());
    assertRefused(() -> client.register(name, Users.PASSWORD), ErrorCode.CONFLICT);
    assertRefused(() -> client.register("x", Users.PASSWORD), ErrorCode.INVALID_PAYLOAD);
    assertRefused(() -> client.login(name, "wrong-password"), ErrorCode.AUTH_FAILED);
  }

  @Test
  void connectReportsTheSessionAndEachState() throws Exception {
    Recorder<ConnectionState> states = new Recorder<>();
    ChatClient client = registered(builder().onConnectionState((state, session) -> states.add(state)), "dave");

    Session session = await(client.connect());

    assertThat(session.user().name()).startsWith("dave-");
    assertThat(session.connectionId()).isNotBlank();
    assertThat(client.session()).isEqualTo(session);
    assertThat(states.awaitCount(2, "states")).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
    client.close();
    assertThat(states.awaitCount(3, "states")).endsWith(ConnectionState.CLOSED);
    assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
    assertFails(client.send(room, "after close"), ErrorCode.CLOSED);
  }

  @Test
  void messagesReachEveryMemberInSeqOrderAndSendTellsIdSeqAndTime() throws Exception {
    ChatClient alice = connected("alice");
    ChatClient bob = connected("bob");
    RoomEvents alicesRoom = new RoomEvents();
    RoomEvents bobsRoom = new RoomEvents();
    await(alice.join(room, alicesRoom));
    await(bob.join(room, bobsRoom));

    SentMessage first = await(alice.send(room, "hello"));
    SentMessage second = await(bob.send(room, "hi alice"));

    assertThat(first.seq()).isEqualTo(1);
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(second.time()).isAfterOrEqualTo(first.time());
    for (RoomEvents events : List.of(alicesRoom, bobsRoom)) {
      List<Message> seen = events.messages.awaitCount(2, "messages");
      assertThat(seen).extracting(Message::text).containsExactly("hello", "hi alice");
      assertThat(seen).extracting(Message::seq).containsExactly(1L, 2L);
      assertThat(seen.get(0).user()).isEqualTo(alice.session().user().name());
      assertThat(seen.get(0).id()).isEqualTo(first.id());
    }
  }

  @Test
  void joiningHandsTheRecentHistoryToTheListenerFirst() throws Exception {
    ChatClient alice = connected("alice");
    await(alice.join(room, new RoomEvents()));
    await(alice.send(room, "before bob came"));
    ChatClient bob = connected("bob");
    RoomEvents bobsRoom = new RoomEvents();

    await(bob.join(room, bobsRoom));

    assertThat(bobsRoom.texts()).containsExactly("before bob came");
  }

  @Test
  void refusalsFailWithTheServersCodeAndTheConnectionGoesOn() throws Exception {
    ChatClient alice = connected("alice");
    await(alice.join(room, new RoomEvents()));

    assertFails(alice.send(room, "   "), ErrorCode.INVALID_MESSAGE);
    assertFails(alice.send(room, "x".repeat(2001)), ErrorCode.INVALID_MESSAGE);
    assertFails(alice.send(room, "é".repeat(9000)), ErrorCode.TOO_LARGE); // over 16 KiB: never written
    assertFails(alice.send("elsewhere", "hi"), ErrorCode.NOT_MEMBER);
    assertFails(alice.join("Not A Room", new RoomEvents()), ErrorCode.INVALID_ROOM);
    assertFails(alice.leave("elsewhere"), ErrorCode.NOT_MEMBER);
    assertThat(await(alice.send(room, "still fine")).seq()).isEqualTo(1);
  }

  @Test
  void historyPagesGoBackwards() throws Exception {
    ChatClient alice = connected("alice");
    await(alice.join(room, new RoomEvents()));
    for (String text : List.of("one", "two", "three")) {
      await(alice.send(room, text));
    }

    HistoryPage newest = await(alice.history(room, null, 2));
    HistoryPage older = await(alice.history(room, newest.messages().get(0).id(), 2));

    assertThat(newest.messages()).extracting(Message::text).containsExactly("two", "three");
    assertThat(newest.hasMore()).isTrue();
    assertThat(older.messages()).extracting(Message::text).containsExactly("one");
    assertThat(older.hasMore()).isFalse();
    assertFails(alice.history(room, null, 101), ErrorCode.INVALID_PAYLOAD);
  }

  @Test
  void presenceAndTypingReachTheOthers() throws Exception {
    ChatClient alice = connected("alice");
    ChatClient bob = connected("bob");
    RoomEvents alicesRoom = new RoomEvents();
    await(alice.join(room, alicesRoom));
    await(bob.join(room, new RoomEvents()));
    User bobUser = bob.session().user();

    alicesRoom.presence.await(change -> change.equals(new Presence.Joined(room, bobUser)), "bob's arrival");
    assertThat(await(alice.online(room))).extracting(User::name)
        .containsExactlyInAnyOrder(alice.session().user().name(), bobUser.name());

    await(bob.typing(room, true));
    assertThat(alicesRoom.typing.await(typing -> typing.typing(), "typing").user()).isEqualTo(bobUser);
    await(bob.typing(room, false));
    alicesRoom.typing.await(typing -> !typing.typing(), "typing stopped");
    assertFails(bob.typing("elsewhere", true), ErrorCode.NOT_MEMBER);

    await(bob.leave(room));
    alicesRoom.presence.await(change -> change.equals(new Presence.Left(room, bobUser)), "bob's departure");
    assertThat(await(alice.online(room))).extracting(User::name).containsExactly(alice.session().user().name());
    assertFails(bob.send(room, "gone"), ErrorCode.NOT_MEMBER);
  }

  @Test
  void aRefusedTokenStopsTheClient() throws Exception {
    Recorder<ConnectionState> states = new Recorder<>();
    ChatClient client = client(builder().onConnectionState((state, session) -> states.add(state)));
    client.useToken("not-a-token");

    assertFails(client.connect(), ErrorCode.AUTH_FAILED);

    assertThat(states.awaitCount(2, "states")).containsExactly(ConnectionState.CONNECTING, ConnectionState.AUTH_FAILED);
    assertThat(client.state()).isEqualTo(ConnectionState.AUTH_FAILED);
    assertFails(client.join(room, new RoomEvents()), ErrorCode.AUTH_FAILED);
  }

  @Test
  void aRefusedTokenIsReplacedThroughTheRefresher() throws Exception {
    String name = Users.unique("erin");
    client(builder()).register(name, Users.PASSWORD);
    ChatClient[] self = new ChatClient[1];
    ChatClient client = client(builder().tokenRefresher(() -> self[0].login(name, Users.PASSWORD).token()));
    self[0] = client;
    client.useToken("expired-token");

    assertThat(await(client.connect()).user().name()).isEqualTo(name);
  }

  @Test
  void sendsMadeBeforeTheConnectionWaitAndTheOutboxIsBounded() throws Exception {
    ChatClient alice = registered(builder().outboxCapacity(2), "alice");
    RoomEvents events = new RoomEvents();
    CompletableFuture<Void> joined = alice.join(room, events);
    CompletableFuture<SentMessage> first = alice.send(room, "queued one");
    CompletableFuture<SentMessage> second = alice.send(room, "queued two");

    assertFails(alice.send(room, "one too many"), ErrorCode.OUTBOX_FULL);
    assertFails(alice.typing(room, true), ErrorCode.NOT_CONNECTED);

    await(alice.connect());
    await(joined);
    assertThat(await(first).seq()).isEqualTo(1);
    assertThat(await(second).seq()).isEqualTo(2);
    assertThat(events.messages.awaitCount(2, "messages")).extracting(Message::text)
        .containsExactly("queued one", "queued two");
  }

  @Test
  void aListenerThatBlocksStallsNeitherTheSocketNorOtherRooms() throws Exception {
    String slowRoom = Users.unique("slow");
    ChatClient alice = connected("alice");
    ChatClient bob = connected("bob");
    CountDownLatch release = new CountDownLatch(1);
    RoomEvents slowSeen = new RoomEvents();
    RoomListener blocking = message -> {
      slowSeen.onMessage(message);
      awaitQuietly(release); // blocks for as long as the test holds it: seconds
    };
    RoomEvents fastSeen = new RoomEvents();
    await(alice.join(slowRoom, blocking));
    await(alice.join(room, fastSeen));
    await(bob.join(slowRoom, new RoomEvents()));
    await(bob.join(room, new RoomEvents()));

    for (int i = 1; i <= 5; i++) {
      await(bob.send(slowRoom, "slow " + i));
    }
    slowSeen.awaitText("slow 1");
    await(bob.send(room, "fast 1"));
    fastSeen.awaitText("fast 1");
    assertThat(await(alice.send(room, "fast 2")).seq()).isEqualTo(2); // the socket still reads alice's own
    assertThat(slowSeen.texts()).containsExactly("slow 1");

    release.countDown();
    assertThat(slowSeen.messages.awaitCount(5, "slow messages")).extracting(Message::text)
        .containsExactly("slow 1", "slow 2", "slow 3", "slow 4", "slow 5");
  }

  // ---- helpers ----

  ChatClient.Builder builder() {
    return ChatClient.builder(server().url());
  }

  private ChatClient client(ChatClient.Builder builder) {
    ChatClient client = builder.build();
    clients.add(client);
    return client;
  }

  private ChatClient registered(ChatClient.Builder builder, String name) {
    ChatClient client = Users.registered(builder, name);
    clients.add(client);
    return client;
  }

  private ChatClient connected(String name) throws Exception {
    ChatClient client = registered(builder(), name);
    await(client.connect());
    return client;
  }

  static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(Recorder.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  static void assertFails(CompletableFuture<?> future, ErrorCode code) {
    assertThatThrownBy(() -> future.get(Recorder.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(ChatException.class)
        .extracting(error -> ((ChatException) error).code()).isEqualTo(code);
  }

  private static void assertRefused(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run).isInstanceOf(ChatException.class)
        .extracting(error -> ((ChatException) error).code()).isEqualTo(code);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
