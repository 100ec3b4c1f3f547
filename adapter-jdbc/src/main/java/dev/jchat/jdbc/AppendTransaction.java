package dev.jchat.jdbc;

import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.NewMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Writes a batch of new messages in one transaction and says, for each, what was stored. Used by the
 * writer thread alone.
 *
 * <p>Why the room rows are locked before ids are drawn: a sequence hands out numbers when asked, not
 * when the transaction commits. If two instances drew ids 10 and 11 for one room and 11 committed
 * first, a reader could see 11, ask for messages after 11, and never see 10. So each transaction
 * first locks the rows of its rooms (SELECT ... FOR UPDATE, in name order so that two batches never
 * wait on each other in a cycle) and only then draws ids: writers of one room take turns from drawing
 * to commit, and ids in a room increase in commit order. The sequence must not be cached per session
 * (CACHE 1, see the migration). A lock per room rather than one table lock lets different rooms be
 * written in parallel by several instances.
 *
 * <p>The same lock numbers a room's messages: the room's row keeps the last seq handed out, and
 * the batch counts on from it, so seq has no holes and follows commit order on every instance.
 *
 * <p>Repeated clientMsgIds are left to the unique constraint: the insert skips a row that repeats
 * one (ON CONFLICT DO NOTHING, which also waits for another instance's uncommitted row) and the first
 * message is then read for it. This holds within a batch, across batches and across instances, and
 * costs nothing when there is no repeat; when there is one, the rows inserted after it in its room
 * are numbered again, so that the skipped row leaves no hole.
 */
final class AppendTransaction {
  private final Database database;
  private final Supplier<Instant> now;
  private final Set<String> knownRooms = new HashSet<>();

  /** {@code now} stamps each batch: the store's clock. */
  AppendTransaction(Database database, Supplier<Instant> now) {
    this.database = database;
    this.now = now;
  }

  /** One result per message, in the order given; nothing is stored when it throws. */
  List<Appended> write(List<NewMessage> batch) throws SQLException {
    List<String> rooms = new ArrayList<>(new TreeSet<>(batch.stream().map(NewMessage::room).toList()));
    createUnknownRooms(rooms);
    Instant time = now.get().truncatedTo(ChronoUnit.MILLIS);
    return database.inTransaction(connection -> write(connection, batch, rooms, time));
  }

  private static List<Appended> write(Connection connection, List<NewMessage> batch, List<String> rooms, Instant time)
      throws SQLException {
    Map<String, Long> lastSeq = RoomTable.lockInNameOrder(connection, rooms);
    long[] ids = MessageTable.nextIds(connection, batch.size()); // a repeat leaves a gap; nothing needs ids dense
    List<Message> candidates = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      NewMessage message = batch.get(i);
      candidates.add(new Message(ids[i], 0, message.room(), message.author().id(), message.author().name(),
          message.text(), time, message.clientMsgId()));
    }
    boolean[] all = new boolean[candidates.size()];
    Arrays.fill(all, true);
    Map<String, Long> nextLastSeq = new HashMap<>(lastSeq);
    candidates = numbered(candidates, all, nextLastSeq);
    boolean[] inserted = MessageTable.insertUnlessRepeated(connection, candidates);
    if (!Arrays.equals(inserted, all)) {
      nextLastSeq = new HashMap<>(lastSeq);
      List<Message> renumbered = numbered(candidates, inserted, nextLastSeq);
      MessageTable.renumber(connection, candidates, renumbered);
      candidates = renumbered;
    }
    RoomTable.setLastSeq(connection, nextLastSeq);
    List<ClientMsgKey> repeated = IntStream.range(0, batch.size()).filter(i -> !inserted[i])
        .mapToObj(i -> ClientMsgKey.of(batch.get(i))).filter(Objects::nonNull).distinct().toList();
    Map<ClientMsgKey, Message> firsts = MessageTable.findByClientMsgId(connection, repeated);
    List<Appended> results = new ArrayList<>(batch.size());
    for (int i = 0; i < candidates.size(); i++) {
      results.add(inserted[i] ? new Appended(candidates.get(i), true) : repeat(firsts, ClientMsgKey.of(batch.get(i))));
    }
    return results;
  }

  /**
   * The messages with their seq: those marked in {@code take} count on from {@code lastSeq}, which
   * this advances; the others keep theirs.
   */
  private static List<Message> numbered(List<Message> messages, boolean[] take, Map<String, Long> lastSeq) {
    List<Message> numbered = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      numbered.add(!take[i] ? m : new Message(m.id(), lastSeq.merge(m.room(), 1L, Long::sum), m.room(), m.userId(),
          m.userName(), m.text(), m.time(), m.clientMsgId()));
    }
    return numbered;
  }

  private static Appended repeat(Map<ClientMsgKey, Message> firsts, ClientMsgKey key) throws SQLException {
    Message first = firsts.get(key);
    if (first == null) {
      throw new SQLException("a row was skipped as a repeat, but no earlier message has its clientMsgId");
    }
    return new Appended(first, false);
  }

  /**
   * Creates the rooms this writer has not seen yet, committed before the batch's transaction, so that
   * this one takes no lock but the ordered room locks.
   */
  private void createUnknownRooms(List<String> rooms) throws SQLException {
    List<String> unknown = rooms.stream().filter(room -> !knownRooms.contains(room)).toList();
    if (unknown.isEmpty()) {
      return;
    }
    database.inTransaction(connection -> {
      for (String room : unknown) {
        RoomTable.create(connection, room);
      }
      return null;
    });
    knownRooms.addAll(unknown);
  }
}
