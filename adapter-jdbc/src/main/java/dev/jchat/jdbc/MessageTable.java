package dev.jchat.jdbc;

import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The statements on the messages table and its id sequence. */
final class MessageTable {
  private static final String COLUMNS = "id, seq, room, user_id, user_name, body, sent_at, client_msg_id";
  private static final String BEFORE =
      "SELECT " + COLUMNS + " FROM messages WHERE room = ? AND id < ? ORDER BY id DESC LIMIT ?";
  private static final String AFTER =
      "SELECT " + COLUMNS + " FROM messages WHERE room = ? AND id > ? ORDER BY id LIMIT ?";
  private static final String NEXT_IDS = "SELECT nextval('message_ids') FROM generate_series(1, ?)";

  private MessageTable() {
  }

  /** Up to {@code limit} messages below {@code beforeId}, ascending; hasMore when older ones exist. */
  static HistoryPage before(Connection connection, String room, long beforeId, int limit) throws SQLException {
    List<Message> newestFirst = page(connection, BEFORE, room, beforeId, limit);
    boolean hasMore = newestFirst.size() > limit;
    List<Message> page = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    Collections.reverse(page);
    return new HistoryPage(page, hasMore);
  }

  /** Up to {@code limit} messages above {@code afterId}, ascending; hasMore when newer ones exist. */
  static HistoryPage after(Connection connection, String room, long afterId, int limit) throws SQLException {
    List<Message> oldestFirst = page(connection, AFTER, room, afterId, limit);
    return new HistoryPage(oldestFirst.subList(0, Math.min(limit, oldestFirst.size())), oldestFirst.size() > limit);
  }

  /** Draws {@code count} ids from the sequence, ascending. */
  static long[] nextIds(Connection connection, int count) throws SQLException {
    long[] ids = new long[count];
    try (PreparedStatement next = connection.prepareStatement(NEXT_IDS)) {
      next.setInt(1, count);
      try (ResultSet row = next.executeQuery()) {
        for (int i = 0; i < count; i++) {
          if (!row.next()) {
            throw new SQLException("the sequence gave " + i + " ids instead of " + count);
          }
          ids[i] = row.getLong(1);
        }
      }
    }
    Arrays.sort(ids); // the batch takes them in order, whatever order the rows came in
    return ids;
  }

  /** The stored messages that carry one of {@code keys}. */
  static Map<ClientMsgKey, Message> findByClientMsgId(Connection connection, Collection<ClientMsgKey> keys)
      throws SQLException {
    Map<ClientMsgKey, Message> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    String sql = "SELECT " + COLUMNS + " FROM messages WHERE (user_id, client_msg_id) IN ("
        + String.join(", ", Collections.nCopies(keys.size(), "(?, ?)")) + ")";
    try (PreparedStatement find = connection.prepareStatement(sql)) {
      int index = 1;
      for (ClientMsgKey key : keys) {
        find.setLong(index++, key.userId());
        find.setString(index++, key.clientMsgId());
      }
      try (ResultSet row = find.executeQuery()) {
        while (row.next()) {
          Message message = read(row);
          found.put(new ClientMsgKey(message.userId(), message.clientMsgId()), message);
        }
      }
    }
    return found;
  }

  /**
   * Inserts the messages with one statement (one statement of many rows costs PostgreSQL much less
   * than a JDBC batch of one-row statements), skipping each that repeats a stored (user, clientMsgId)
   * pair, and says which were inserted.
   */
  static boolean[] insertUnlessRepeated(Connection connection, List<Message> messages) throws SQLException {
    String sql = "INSERT INTO messages (" + COLUMNS + ") VALUES "
        + String.join(", ", Collections.nCopies(messages.size(), "(?, ?, ?, ?, ?, ?, ?, ?)")) + " ON CONFLICT DO NOTHING";
    int insertedCount;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int index = 1;
      for (Message message : messages) {
        insert.setLong(index++, message.id());
        insert.setLong(index++, message.seq());
        insert.setString(index++, message.room());
        insert.setLong(index++, message.userId());
        insert.setString(index++, message.userName());
        insert.setString(index++, message.text());
        insert.setObject(index++, OffsetDateTime.ofInstant(message.time(), ZoneOffset.UTC));
        insert.setString(index++, message.clientMsgId());
      }
      insertedCount = insert.executeUpdate();
    }
    boolean[] inserted = new boolean[messages.size()];
    if (insertedCount == messages.size()) {
      Arrays.fill(inserted, true);
      return inserted;
    }
    Set<Long> stored = storedIds(connection, messages); // some were repeats: which?
    for (int i = 0; i < inserted.length; i++) {
      inserted[i] = stored.contains(messages.get(i).id());
    }
    return inserted;
  }

  /**
   * Moves the stored rows whose seq changed from {@code was} to {@code now}, in ascending order: each
   * moves down into a place that a skipped row left free or that an earlier one has just vacated, so
   * the (room, seq) constraint holds after every statement.
   */
  static void renumber(Connection connection, List<Message> was, List<Message> now) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE messages SET seq = ? WHERE id = ?")) {
      for (int i = 0; i < was.size(); i++) {
        if (was.get(i).seq() != now.get(i).seq()) {
          update.setLong(1, now.get(i).seq());
          update.setLong(2, now.get(i).id());
          update.executeUpdate();
        }
      }
    }
  }

  private static Set<Long> storedIds(Connection connection, List<Message> messages) throws SQLException {
    String sql = "SELECT id FROM messages WHERE id IN ("
        + String.join(", ", Collections.nCopies(messages.size(), "?")) + ")";
    Set<Long> stored = new HashSet<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < messages.size(); i++) {
        select.setLong(i + 1, messages.get(i).id());
      }
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          stored.add(row.getLong(1));
        }
      }
    }
    return stored;
  }

  /** Runs a page query, fetching one row beyond the limit to learn whether there are more. */
  private static List<Message> page(Connection connection, String sql, String room, long fromId, int limit)
      throws SQLException {
    List<Message> messages = new ArrayList<>();
    try (PreparedStatement page = connection.prepareStatement(sql)) {
      page.setString(1, room);
      page.setLong(2, fromId);
      page.setInt(3, limit + 1);
      try (ResultSet row = page.executeQuery()) {
        while (row.next()) {
          messages.add(read(row));
        }
      }
    }
    return messages;
  }

  private static Message read(ResultSet row) throws SQLException {
    Instant time = row.getObject("sent_at", OffsetDateTime.class).toInstant();
    return new Message(row.getLong("id"), row.getLong("seq"), row.getString("room"), row.getLong("user_id"), row.getString("user_name"),
        row.getString("body"), time, row.getString("client_msg_id"));
  }
}
