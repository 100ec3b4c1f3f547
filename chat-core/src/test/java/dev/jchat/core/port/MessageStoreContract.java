package dev.jchat.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.AppendRecorder.Stored;
import dev.jchat.core.testing.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link MessageStore}. Every implementation extends this class and returns a fresh
 * store from {@link #newStore}; a store that is {@link AutoCloseable} is closed after each test. Each
 * test uses rooms and authors of its own, so a store may keep what earlier tests wrote.
 */
public abstract class MessageStoreContract {
  private static final long WAIT_SECONDS = 10;

  /** The clock starts on a millisecond that is not a whole second, to see that it is kept. */
  private final FakeClock clock = new FakeClock(Instant.parse("2026-11-28T03:05:14.123Z"));
  private MessageStore store;
  private AppendRecorder appends;

  /** A store whose messages take their time from {@code clock}. */
  protected abstract MessageStore newStore(Clock clock);

  @BeforeEach
  void openStore() {
    store = newStore(clock);
    appends = new AppendRecorder(store);
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
    assertThat(appends.repeatedCallbacks()).as("appends reported more than once").isZero();
  }

  // --- appending ---

  @Test
  void an_append_reports_the_stored_message_with_all_its_fields() throws Exception {
    String room = newRoom();
    User alice = newUser("alice");

    Stored stored = send(new NewMessage(room, alice, "hello", "c-1"));

    assertThat(stored.firstTime()).isTrue();
    Message message = stored.message();
    assertThat(message.id()).isPositive();
    assertThat(message.room()).isEqualTo(room);
    assertThat(message.userId()).isEqualTo(alice.id());
    assertThat(message.userName()).isEqualTo(alice.name());
    assertThat(message.text()).isEqualTo("hello");
    assertThat(message.clientMsgId()).isEqualTo("c-1");
    assertThat(store.before(room, null, 10).messages()).containsExactly(message);
  }

  @Test
  void a_message_without_a_clientMsgId_is_read_back_without_one() throws Exception {
    String room = newRoom();

    Message message = send(room, "no id").message();

    assertThat(message.clientMsgId()).isNull();
    assertThat(store.after(room, 0, 10).messages()).containsExactly(message);
  }

  @Test
  void ids_increase_within_a_room_in_the_order_appends_are_acknowledged() throws Exception {
    String room = newRoom();

    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(send(room, "m" + i).message().id());
    }

    assertThat(ids).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void ids_are_unique_across_rooms() throws Exception {
    String first = newRoom();
    String second = newRoom();

    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(send(i % 2 == 0 ? first : second, "m" + i).message().id());
    }

    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void callbacks_for_one_room_come_in_id_order_and_never_overlap() throws Exception {
    String room = newRoom();
    int senders = 4;
    int perSender = 50;
    List<CompletableFuture<Stored>> outcomes = Collections.synchronizedList(new ArrayList<>());

    StartingGate.run(senders, sender -> {
      User author = newUser("s" + sender);
      for (int i = 0; i < perSender; i++) {
        outcomes.add(appends.append(new NewMessage(room, author, "m" + i, null)));
      }
    });

    for (CompletableFuture<Stored> outcome : outcomes) {
      outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    assertThat(appends.overlaps()).as("overlapping callbacks").isZero();
    assertThat(appends.reportedIds()).hasSize(senders * perSender).isSorted().doesNotHaveDuplicates();
  }

  // --- seq: the room position ---

  @Test
  void each_room_numbers_its_messages_from_one_without_holes() throws Exception {
    String first = newRoom();
    String second = newRoom();

    List<Long> firstSeqs = new ArrayList<>();
    List<Long> secondSeqs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      (i % 2 == 0 ? firstSeqs : secondSeqs).add(send(i % 2 == 0 ? first : second, "m" + i).message().seq());
    }

    assertThat(firstSeqs).containsExactly(1L, 2L, 3L);
    assertThat(secondSeqs).containsExactly(1L, 2L, 3L);
    assertThat(store.after(first, 0, 10).messages()).extracting(Message::seq).containsExactly(1L, 2L, 3L);
  }

  @Test
  void a_repeated_clientMsgId_takes_no_seq() throws Exception {
    String room = newRoom();
    User alice = newUser("alice");

    Stored first = send(new NewMessage(room, alice, "once", "c-1"));
    Stored repeat = send(new NewMessage(room, alice, "once", "c-1"));
    Stored next = send(new NewMessage(room, alice, "next", "c-2"));

    assertThat(repeat.message().seq()).isEqualTo(first.message().seq()).isEqualTo(1);
    assertThat(next.message().seq()).isEqualTo(2);
  }

  @Test
  void concurrent_appends_with_repeats_leave_the_seq_of_a_room_dense_and_in_id_order() throws Exception {
    String room = newRoom();
    int senders = 4;
    int perSender = 40;
    List<CompletableFuture<Stored>> outcomes = Collections.synchronizedList(new ArrayList<>());

    StartingGate.run(senders, sender -> {
      User author = newUser("s" + sender);
      for (int i = 0; i < perSender; i++) {
        // every other send repeats the one before it, so batches mix new rows and repeats
        outcomes.add(appends.append(new NewMessage(room, author, "m" + i, "c-" + (i / 2))));
      }
    });

    for (CompletableFuture<Stored> outcome : outcomes) {
      outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    List<Message> stored = store.after(room, 0, 1000).messages();
    assertThat(stored).hasSize(senders * perSender / 2);
    assertThat(stored).extracting(Message::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
    assertThat(appends.reported()).filteredOn(Stored::firstTime).extracting(reported -> reported.message().seq())
        .as("seq reported to the first-time callbacks, in callback order")
        .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
  }

  // --- reading ---

  @Test
  void the_newest_page_is_ascending_and_says_whether_older_messages_exist() throws Exception {
    String room = newRoom();
    List<Message> all = sendMany(room, 5);

    HistoryPage newest = store.before(room, null, 3);
    HistoryPage exactlyAll = store.before(room, null, 5);
    HistoryPage moreThanAll = store.before(room, null, 50);

    assertThat(newest.messages()).containsExactlyElementsOf(all.subList(2, 5));
    assertThat(newest.hasMore()).isTrue();
    assertThat(exactlyAll.messages()).containsExactlyElementsOf(all);
    assertThat(exactlyAll.hasMore()).isFalse();
    assertThat(moreThanAll.messages()).containsExactlyElementsOf(all);
    assertThat(moreThanAll.hasMore()).isFalse();
  }

  @Test
  void paging_before_an_id_walks_back_to_the_first_message() throws Exception {
    String room = newRoom();
    List<Message> all = sendMany(room, 7);

    List<Message> walked = new ArrayList<>();
    HistoryPage page = store.before(room, null, 3);
    walked.addAll(0, page.messages());
    while (page.hasMore()) {
      page = store.before(room, page.messages().get(0).id(), 3);
      assertThat(page.messages()).hasSizeLessThanOrEqualTo(3);
      walked.addAll(0, page.messages());
    }

    assertThat(walked).containsExactlyElementsOf(all);
  }

  @Test
  void a_page_before_an_id_holds_only_older_messages() throws Exception {
    String room = newRoom();
    List<Message> all = sendMany(room, 4);

    HistoryPage page = store.before(room, all.get(2).id(), 10);

    assertThat(page.messages()).containsExactlyElementsOf(all.subList(0, 2));
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void reading_after_an_id_returns_newer_messages_oldest_first_up_to_the_limit() throws Exception {
    String room = newRoom();
    List<Message> all = sendMany(room, 5);

    HistoryPage firstTwo = store.after(room, all.get(0).id(), 2);
    HistoryPage lastTwo = store.after(room, all.get(2).id(), 2);
    HistoryPage fromStart = store.after(room, 0, 100);
    HistoryPage nothingNewer = store.after(room, all.get(4).id(), 10);

    assertThat(firstTwo.messages()).containsExactlyElementsOf(all.subList(1, 3));
    assertThat(firstTwo.hasMore()).isTrue();
    assertThat(lastTwo.messages()).containsExactlyElementsOf(all.subList(3, 5));
    assertThat(lastTwo.hasMore()).isFalse();
    assertThat(fromStart.messages()).containsExactlyElementsOf(all);
    assertThat(fromStart.hasMore()).isFalse();
    assertThat(nothingNewer.messages()).isEmpty();
    assertThat(nothingNewer.hasMore()).isFalse();
  }

  @Test
  void a_room_reads_only_its_own_messages() throws Exception {
    String room = newRoom();
    String other = newRoom();
    Message mine = send(room, "mine").message();
    send(other, "theirs");

    assertThat(store.before(room, null, 10).messages()).containsExactly(mine);
    assertThat(store.after(room, 0, 10).messages()).containsExactly(mine);
  }

  @Test
  void an_unknown_room_reads_as_empty_pages() {
    String room = newRoom();

    assertThat(store.before(room, null, 10)).isEqualTo(new HistoryPage(List.of(), false));
    assertThat(store.after(room, 0, 10)).isEqualTo(new HistoryPage(List.of(), false));
  }

  // --- idempotency ---

  @Test
  void a_repeated_clientMsgId_from_the_same_author_stores_nothing_and_reports_the_first_message() throws Exception {
    String room = newRoom();
    User alice = newUser("alice");
    Message first = send(new NewMessage(room, alice, "first", "c-1")).message();

    Stored repeat = send(new NewMessage(room, alice, "second", "c-1"));

    assertThat(repeat.firstTime()).isFalse();
    assertThat(repeat.message()).isEqualTo(first);
    assertThat(store.after(room, 0, 10).messages()).containsExactly(first);
  }

  @Test
  void a_clientMsgId_of_64_emoji_is_kept() throws Exception {
    String clientMsgId = "🙂".repeat(64); // the protocol's longest: 64 code points, 128 UTF-16 units
    Message stored = send(new NewMessage(newRoom(), newUser("alice"), "hi", clientMsgId)).message();
    assertThat(stored.clientMsgId()).isEqualTo(clientMsgId);
  }

  @Test
  void a_clientMsgId_repeated_in_another_room_still_reports_the_first_message() throws Exception {
    String room = newRoom();
    String other = newRoom();
    User alice = newUser("alice");
    Message first = send(new NewMessage(room, alice, "first", "c-1")).message();

    Stored repeat = send(new NewMessage(other, alice, "first", "c-1"));

    assertThat(repeat.firstTime()).isFalse();
    assertThat(repeat.message()).isEqualTo(first);
    assertThat(store.after(other, 0, 10).messages()).isEmpty();
  }

  @Test
  void concurrent_appends_of_one_clientMsgId_store_one_message_and_all_report_it() throws Exception {
    String room = newRoom();
    User alice = newUser("alice");
    int senders = 8;
    List<CompletableFuture<Stored>> outcomes = Collections.synchronizedList(new ArrayList<>());

    StartingGate.run(senders, sender -> outcomes.add(appends.append(new NewMessage(room, alice, "m" + sender, "c-1"))));

    List<Stored> stored = new ArrayList<>();
    for (CompletableFuture<Stored> outcome : outcomes) {
      stored.add(outcome.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }
    List<Message> inRoom = store.after(room, 0, 10).messages();
    assertThat(inRoom).hasSize(1);
    assertThat(stored).extracting(Stored::message).containsOnly(inRoom.get(0));
    assertThat(stored).filteredOn(Stored::firstTime).hasSize(1);
  }

  @Test
  void different_authors_may_use_the_same_clientMsgId() throws Exception {
    String room = newRoom();

    Stored alices = send(new NewMessage(room, newUser("alice"), "from alice", "c-1"));
    Stored bobs = send(new NewMessage(room, newUser("bob"), "from bob", "c-1"));

    assertThat(bobs.firstTime()).isTrue();
    assertThat(bobs.message().id()).isNotEqualTo(alices.message().id());
    assertThat(store.after(room, 0, 10).messages()).containsExactly(alices.message(), bobs.message());
  }

  @Test
  void messages_without_a_clientMsgId_are_never_taken_for_repeats() throws Exception {
    String room = newRoom();
    User alice = newUser("alice");

    Stored first = send(new NewMessage(room, alice, "same", null));
    Stored second = send(new NewMessage(room, alice, "same", null));

    assertThat(second.firstTime()).isTrue();
    assertThat(store.after(room, 0, 10).messages()).containsExactly(first.message(), second.message());
  }

  // --- rooms ---

  @Test
  void a_created_room_without_messages_is_listed_with_no_last_message_id() {
    String room = newRoom();

    store.createRoom(room);

    assertThat(store.rooms()).containsEntry(room, null);
  }

  @Test
  void rooms_lists_the_id_of_each_rooms_newest_message() throws Exception {
    String room = newRoom();
    String other = newRoom();
    store.createRoom(room);
    sendMany(room, 2);
    Message newest = send(room, "newest").message();
    Message others = send(other, "never created, yet listed").message();

    assertThat(store.rooms()).containsEntry(room, newest.id()).containsEntry(other, others.id());
  }

  @Test
  void creating_a_room_again_changes_nothing() throws Exception {
    String room = newRoom();
    store.createRoom(room);
    Message message = send(room, "kept").message();

    store.createRoom(room);

    assertThat(store.rooms()).containsEntry(room, message.id());
    assertThat(store.after(room, 0, 10).messages()).containsExactly(message);
  }

  // --- what is kept ---

  @Test
  void the_time_is_the_clocks_to_the_millisecond_in_utc_and_reads_return_the_same() throws Exception {
    String room = newRoom();
    Message first = send(room, "first").message();
    clock.advance(Duration.ofMillis(1));
    Message second = send(room, "second").message();

    assertThat(first.time()).isEqualTo(Instant.parse("2026-11-28T03:05:14.123Z"));
    assertThat(second.time()).isEqualTo(Instant.parse("2026-11-28T03:05:14.124Z"));
    assertThat(store.after(room, 0, 10).messages()).extracting(Message::time)
        .containsExactly(first.time(), second.time());
  }

  @Test
  void text_is_kept_byte_for_byte() throws Exception {
    String room = newRoom();
    List<String> texts = List.of(
        "emoji 😀 family 👨‍👩‍👧‍👦 flag 🇳🇴 skin tone 👍🏽",
        "<b>bold</b> &amp; <script>alert('x')</script> <img src=x onerror=alert(1)>",
        "quotes \" ' ` and \\ backslashes \\n not a new line",
        "line one\nline two\n",
        "  spaces kept at both ends  ",
        "tab\there",
        "e\u0301 (combining) and \u00e9 (precomposed)",
        "שלום عربى 中文 日本語 한국어 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "'); DROP TABLE messages; --",
        "\u2028\u2029\uFEFF zero\u200Bwidth",
        "🎉".repeat(2000));

    List<Message> acked = new ArrayList<>();
    for (String text : texts) {
      acked.add(send(room, text).message());
    }

    List<Message> read = store.after(room, 0, 100).messages();
    assertThat(acked).extracting(Message::text).containsExactlyElementsOf(texts);
    assertThat(read).extracting(Message::text).containsExactlyElementsOf(texts);
    for (int i = 0; i < texts.size(); i++) {
      byte[] written = texts.get(i).getBytes(StandardCharsets.UTF_8);
      assertThat(read.get(i).text().getBytes(StandardCharsets.UTF_8)).isEqualTo(written);
    }
  }

  // --- helpers ---

  /** A room no other test uses. */
  private static String newRoom() {
    return "r-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
  }

  /** An author no other test uses. */
  private static User newUser(String name) {
    return new User(ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE), name);
  }

  private Stored send(NewMessage message) throws Exception {
    return appends.append(message).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private Stored send(String room, String text) throws Exception {
    return send(new NewMessage(room, newUser("someone"), text, null));
  }

  private List<Message> sendMany(String room, int count) throws Exception {
    List<Message> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sent.add(send(room, "message " + i).message());
    }
    return sent;
  }
}
