package dev.jchat.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.api.ClientSession;
import dev.jchat.core.domain.CloseCode;
import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.User;
import dev.jchat.core.local.InMemoryMessageStore;
import dev.jchat.core.port.MessageStore;
import dev.jchat.core.protocol.Command;
import dev.jchat.core.protocol.Inbound;
import dev.jchat.core.protocol.ServerEvent;
import dev.jchat.core.testing.FakeClock;
import dev.jchat.core.testing.FakeTokens;
import dev.jchat.core.testing.RecordingCodec;
import dev.jchat.core.testing.RecordingConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The time-dependent and per-connection rules of the core, on a fake clock, without a server. */
class ChatServiceTest {
  private final FakeClock clock = new FakeClock();
  private final RecordingCodec codec = new RecordingCodec();
  private final FakeTokens tokens = new FakeTokens(clock, Duration.ofHours(1));
  private final PausableExecutor fanout = new PausableExecutor();
  private final RacingStore store = new RacingStore(new InMemoryMessageStore(clock));
  private final PausableExecutor housekeeping = PausableExecutor.paused();
  private final ChatService chat = chat(ChatSettings.builder().outbox(new ChatSettings.OutboxBounds(10, 1_000_000))
      .writeInterval(Duration.ZERO).build(), fanout);
  private final User alice = new User(1, "alice");
  private final User bob = new User(2, "bob");
  private final User carol = new User(3, "carol");

  /** Runs the fan-out's work at once, or holds it while paused, as a busy fan-out thread would. */
  private static final class PausableExecutor implements Executor {
    private final List<Runnable> held = new ArrayList<>();
    private boolean paused;

    static PausableExecutor paused() {
      PausableExecutor executor = new PausableExecutor();
      executor.pause();
      return executor;
    }

    @Override
    public void execute(Runnable delivery) {
      if (paused) {
        held.add(delivery);
      } else {
        delivery.run();
      }
    }

    void pause() {
      paused = true;
    }

    void resume() {
      paused = false;
      runHeld();
    }

    void runHeld() {
      List<Runnable> due = List.copyOf(held);
      held.clear();
      due.forEach(Runnable::run);
    }
  }

  private ChatService chat(ChatSettings settings, Executor fanoutExecutor) {
    return ChatService.builder().settings(settings).messageStore(store).tokens(tokens).codec(codec).clock(clock)
        .fanoutExecutor(fanoutExecutor).housekeeping(housekeeping).build();
  }

  /** The in-memory store that can run something right after the next history read, to race a join. */
  private static final class RacingStore implements MessageStore {
    private final MessageStore store;
    Runnable afterNextRead = () -> { };

    RacingStore(MessageStore store) {
      this.store = store;
    }

    @Override
    public void append(NewMessage message, AppendCallback done) {
      store.append(message, done);
    }

    @Override
    public HistoryPage before(String room, Long beforeId, int limit) {
      HistoryPage page = store.before(room, beforeId, limit);
      Runnable race = afterNextRead;
      afterNextRead = () -> { };
      race.run();
      return page;
    }

    @Override
    public HistoryPage after(String room, long afterId, int limit) {
      return store.after(room, afterId, limit);
    }

    @Override
    public void createRoom(String room) {
      store.createRoom(room);
    }

    @Override
    public Map<String, Long> rooms() {
      return store.rooms();
    }
  }

  /** A connection as the tests drive it. */
  private final class Client {
    final ChatService service;
    final RecordingConnection connection = new RecordingConnection();
    final ClientSession session;
    int nextAck = 1;

    Client() {
      this(chat);
    }

    Client(ChatService service) {
      this.service = service;
      this.session = service.open(connection);
    }

    Client authenticated(User user) {
      request(new Command.Auth(tokens.issue(user)));
      return this;
    }

    Client in(String room) {
      request(new Command.Join(room, null));
      return this;
    }

    void request(Command command) {
      service.handle(session, new Inbound.Request(command, nextAck++));
    }

    List<ServerEvent> events() {
      return codec.events(connection);
    }

    <T extends ServerEvent> List<T> events(Class<T> type) {
      return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The texts of the chat:new frames in the connection's last write. */
    List<String> lastWriteTexts() {
      return connection.lastWrite().stream().map(codec::event).filter(ServerEvent.NewMessage.class::isInstance)
          .map(event -> ((ServerEvent.NewMessage) event).message().text()).toList();
    }

    List<ErrorCode> errors() {
      return events(ServerEvent.Error.class).stream().map(e -> e.rejection().code()).toList();
    }
  }

  @Test
  void a_connection_that_does_not_authenticate_within_ten_seconds_is_closed_with_4408() {
    Client client = new Client();
    clock.advance(Duration.ofMillis(9_999));
    assertThat(client.connection.closeCode()).isNull();
    clock.advance(Duration.ofMillis(1));
    assertThat(client.connection.closeCode()).isEqualTo(CloseCode.AUTH_TIMEOUT.code());
  }

  @Test
  void an_authenticated_connection_is_not_closed_by_the_auth_timeout() {
    Client client = new Client().authenticated(alice);
    clock.advance(Duration.ofSeconds(11));
    assertThat(client.connection.closeCode()).isNull();
  }

  @Test
  void a_connection_is_closed_with_4401_when_its_token_expires() {
    Client client = new Client().authenticated(alice);
    for (int second = 0; second < 59 * 60; second += 30) {
      clock.advance(Duration.ofSeconds(30));
      client.session.pong(); // stays lively, so only the token can end it
    }
    assertThat(client.connection.closeCode()).isNull();
    clock.advance(Duration.ofMinutes(1));
    assertThat(client.connection.closeCode()).isEqualTo(CloseCode.AUTH_FAILED.code());
  }

  @Test
  void room_events_published_while_the_fanout_is_busy_reach_each_member_in_order_in_one_write() {
    Client sender = new Client().authenticated(alice).in("general");
    Client reader = new Client().authenticated(bob).in("general");
    int writesBefore = reader.connection.writes();
    fanout.pause();
    for (String text : List.of("one", "two", "three")) {
      sender.request(new Command.Send("general", text, null));
    }
    assertThat(reader.events(ServerEvent.NewMessage.class)).isEmpty();
    fanout.resume();
    assertThat(reader.events(ServerEvent.NewMessage.class)).extracting(e -> e.message().text())
        .containsExactly("one", "two", "three");
    assertThat(reader.connection.writes()).isEqualTo(writesBefore + 1);
  }

  @Test
  void readers_are_not_cut_off_when_the_fanout_falls_far_behind_a_busy_room() {
    ChatSettings.RateLimit unlimited = new ChatSettings.RateLimit(10_000, 10_000);
    ChatSettings settings = ChatSettings.builder()
        .limits(new ChatSettings.Limits(unlimited, unlimited, unlimited, 100, 20))
        .outbox(new ChatSettings.OutboxBounds(300, 10_000_000)).writeInterval(Duration.ZERO).build();
    ChatService busy = chat(settings, fanout);
    Client sender = new Client(busy).authenticated(alice).in("general");
    List<Client> readers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      readers.add(new Client(busy).authenticated(new User(100 + i, "reader" + i)).in("general"));
    }
    fanout.pause(); // a burst of 600 messages, twice the outbox's bound, piles up before the fan-out runs
    for (int i = 0; i < 600; i++) {
      sender.request(new Command.Send("general", "message " + i, null));
    }
    fanout.resume();
    for (Client reader : readers) {
      assertThat(reader.connection.closeCode()).isNull();
      assertThat(reader.events(ServerEvent.NewMessage.class)).hasSize(600);
    }
  }

  @Test
  void the_fanout_writes_a_connection_at_most_once_per_interval_and_passes_over_it_to_others() {
    Duration interval = Duration.ofMillis(400);
    ChatService paced = chat(ChatSettings.builder().writeInterval(interval).build(), Runnable::run);
    Client quiet = new Client(paced).authenticated(carol).in("quiet");
    Client sender = new Client(paced).authenticated(alice).in("busy");
    Client reader = new Client(paced).authenticated(bob).in("busy");

    sender.request(new Command.Send("busy", "one", null));
    assertThat(reader.lastWriteTexts()).containsExactly("one");
    int writes = reader.connection.writes();
    clock.advance(Duration.ofMillis(100));
    sender.request(new Command.Send("busy", "two", null));
    sender.request(new Command.Send("busy", "three", null));
    quiet.request(new Command.Send("quiet", "hi", null));
    assertThat(quiet.lastWriteTexts()).as("carol was not written lately: her message goes out at once")
        .containsExactly("hi");
    clock.advance(Duration.ofMillis(299));
    assertThat(reader.connection.writes()).as("bob waits for his interval").isEqualTo(writes);
    clock.advance(Duration.ofMillis(1));
    assertThat(reader.connection.writes()).isEqualTo(writes + 1);
    assertThat(reader.lastWriteTexts()).as("what came within the interval goes out in one write")
        .containsExactly("two", "three");
  }

  @Test
  void a_member_does_not_get_room_events_published_before_it_joined() {
    fanout.pause();
    Client early = new Client().authenticated(alice).in("general"); // its presence:join waits
    Client late = new Client().authenticated(bob).in("general");
    fanout.resume();
    assertThat(late.events(ServerEvent.PresenceState.class)).singleElement()
        .satisfies(state -> assertThat(state.users()).contains(alice));
    assertThat(late.events(ServerEvent.PresenceChange.class)).as("alice's join is in the presence state already")
        .isEmpty();
    assertThat(early.events(ServerEvent.PresenceChange.class)).containsExactly(
        new ServerEvent.PresenceChange("general", bob, true));
  }

  @Test
  void a_message_stored_right_after_a_joiner_read_the_history_still_reaches_it() {
    Client writer = new Client().authenticated(alice).in("general");
    Client reader = new Client().authenticated(bob);
    store.afterNextRead = () -> writer.request(new Command.Send("general", "just after", null));
    reader.in("general");
    assertThat(reader.events(ServerEvent.History.class)).singleElement()
        .satisfies(history -> assertThat(history.messages()).isEmpty());
    assertThat(reader.events(ServerEvent.NewMessage.class)).extracting(e -> e.message().text())
        .containsExactly("just after");
  }

  @Test
  void typing_start_is_forwarded_to_others_at_most_once_every_two_seconds() {
    Client typist = new Client().authenticated(alice).in("general");
    Client other = new Client().authenticated(bob).in("general");
    typist.request(new Command.Typing("general", true));
    clock.advance(Duration.ofMillis(1_999));
    typist.request(new Command.Typing("general", true));
    assertThat(other.events(ServerEvent.Typing.class)).containsExactly(new ServerEvent.Typing("general", alice, true));
    clock.advance(Duration.ofMillis(1));
    typist.request(new Command.Typing("general", true));
    assertThat(other.events(ServerEvent.Typing.class)).hasSize(2);
    assertThat(typist.events(ServerEvent.Typing.class)).isEmpty();
  }

  @Test
  void typing_stops_by_itself_five_seconds_after_the_last_start() {
    Client typist = new Client().authenticated(alice).in("general");
    Client other = new Client().authenticated(bob).in("general");
    typist.request(new Command.Typing("general", true));
    clock.advance(Duration.ofMillis(1_500));
    typist.request(new Command.Typing("general", true)); // throttled, but it restarts the 5 s
    clock.advance(Duration.ofMillis(4_999));
    assertThat(other.events(ServerEvent.Typing.class)).extracting(ServerEvent.Typing::typing).containsExactly(true);
    clock.advance(Duration.ofMillis(1));
    assertThat(other.events(ServerEvent.Typing.class)).extracting(ServerEvent.Typing::typing).containsExactly(true, false);
  }

  @Test
  void sending_a_message_ends_typing_and_resets_the_throttle() {
    Client typist = new Client().authenticated(alice).in("general");
    Client other = new Client().authenticated(bob).in("general");
    typist.request(new Command.Typing("general", true));
    typist.request(new Command.Send("general", "done typing", null));
    typist.request(new Command.Typing("general", true));
    assertThat(other.events(ServerEvent.Typing.class)).extracting(ServerEvent.Typing::typing)
        .containsExactly(true, false, true);
    clock.advance(Duration.ofSeconds(10));
    assertThat(other.events(ServerEvent.Typing.class)).extracting(ServerEvent.Typing::typing)
        .containsExactly(true, false, true, false);
  }

  @Test
  void chat_send_allows_a_burst_of_twenty_then_ten_a_second() {
    Client client = new Client().authenticated(alice).in("general");
    for (int i = 0; i < 21; i++) {
      client.request(new Command.Send("general", "message " + i, null));
    }
    assertThat(client.errors()).containsExactly(ErrorCode.RATE_LIMITED);
    clock.advance(Duration.ofMillis(100));
    client.request(new Command.Send("general", "one more", null));
    assertThat(client.errors()).containsExactly(ErrorCode.RATE_LIMITED);
    assertThat(client.events(ServerEvent.NewMessage.class)).hasSize(21);
  }

  @Test
  void a_connection_answered_rate_limited_more_than_a_hundred_times_in_a_minute_is_closed_with_1008() {
    Client client = new Client().authenticated(alice).in("general");
    for (int i = 0; i < 120 && client.connection.closeCode() == null; i++) {
      client.request(new Command.Typing("general", true));
      clock.advance(Duration.ofMillis(10)); // 100 frames a second: under the frame limit, over typing's
    }
    assertThat(client.connection.closeCode()).isEqualTo(CloseCode.POLICY_VIOLATION.code());
    assertThat(client.errors()).hasSize(101).containsOnly(ErrorCode.RATE_LIMITED);
  }

  @Test
  void a_quiet_connection_is_pinged_every_25_seconds_and_closed_with_1001_after_60_silent_seconds() {
    Client client = new Client().authenticated(alice);
    clock.advance(Duration.ofSeconds(25));
    assertThat(client.connection.pings()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(30));
    assertThat(client.connection.pings()).isEqualTo(2);
    assertThat(client.connection.closeCode()).isNull();
    clock.advance(Duration.ofSeconds(5));
    assertThat(client.connection.closeCode()).isEqualTo(CloseCode.GOING_AWAY.code());
  }

  @Test
  void a_pong_or_any_frame_keeps_a_connection_alive() {
    Client client = new Client().authenticated(alice);
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(40));
      client.session.pong();
    }
    assertThat(client.connection.closeCode()).isNull();
  }

  @Test
  void a_client_that_does_not_read_is_dropped_with_4429_and_its_presence_ends_while_others_keep_receiving() {
    Client slow = new Client().authenticated(alice).in("general");
    Client healthy = new Client().authenticated(bob).in("general");
    slow.connection.stall();
    for (int i = 0; i < 12; i++) {
      healthy.request(new Command.Send("general", "message " + i, null));
    }
    housekeeping.runHeld();
    assertThat(slow.connection.closeCode()).isEqualTo(CloseCode.SLOW_CONSUMER.code());
    assertThat(healthy.events(ServerEvent.NewMessage.class)).hasSize(12);
    assertThat(healthy.events(ServerEvent.PresenceChange.class))
        .contains(new ServerEvent.PresenceChange("general", alice, false));
    assertThat(slow.connection.aborted()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(slow.connection.aborted()).isTrue();
  }

  @Test
  void a_broadcast_is_encoded_once_and_the_same_frame_goes_to_every_recipient() {
    Client a = new Client().authenticated(alice).in("general");
    Client b = new Client().authenticated(bob).in("general");
    a.request(new Command.Send("general", "hello", null));
    String frameOfA = a.connection.frames().get(a.connection.frames().size() - 1);
    String frameOfB = b.connection.frames().get(b.connection.frames().size() - 1);
    assertThat(codec.event(frameOfA)).isInstanceOf(ServerEvent.NewMessage.class);
    assertThat(frameOfB).isSameAs(frameOfA);
  }

  @Test
  void the_twenty_first_connection_of_a_user_is_refused_with_rate_limited_and_1008() {
    for (int i = 0; i < 20; i++) {
      assertThat(new Client().authenticated(alice).connection.closeCode()).isNull();
    }
    Client extra = new Client().authenticated(alice);
    assertThat(extra.errors()).containsExactly(ErrorCode.RATE_LIMITED);
    assertThat(extra.connection.closeCode()).isEqualTo(CloseCode.POLICY_VIOLATION.code());
  }

  @Test
  void a_closed_connection_frees_its_place_under_the_connection_cap() {
    List<Client> clients = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      clients.add(new Client().authenticated(alice));
    }
    clients.get(0).session.closed();
    assertThat(new Client().authenticated(alice).connection.closeCode()).isNull();
  }

  @Test
  void shutdown_closes_every_connection_with_1001_and_refuses_new_ones() {
    Client client = new Client().authenticated(alice);
    chat.shutdown();
    assertThat(client.connection.closeCode()).isEqualTo(CloseCode.GOING_AWAY.code());
    assertThat(new Client().connection.closeCode()).isEqualTo(CloseCode.GOING_AWAY.code());
  }
}
