package dev.jchat.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statements on the rooms table. */
final class RoomTable {
  private static final String CREATE = "INSERT INTO rooms (name) VALUES (?) ON CONFLICT DO NOTHING";
  /** The newest id of each room is one step back on the (room, id) index. */
  private static final String ALL = "SELECT r.name, (SELECT MAX(m.id) FROM messages m WHERE m.room = r.name)"
      + " AS last_message_id FROM rooms r ORDER BY r.name";

  private RoomTable() {
  }

  /** Creates the room unless it exists; an existing row is left unlocked, so this never waits for its writers. */
  static void create(Connection connection, String room) throws SQLException {
    try (PreparedStatement create = connection.prepareStatement(CREATE)) {
      create.setString(1, room);
      create.executeUpdate();
    }
  }

  /**
   * Locks the rows of the given rooms until the transaction ends, in name order, so that writers
   * which lock several rooms never wait on each other in a cycle, and returns each room's last seq.
   * Fails when a row is missing: there would be nothing to take turns on.
   */
  static Map<String, Long> lockInNameOrder(Connection connection, List<String> rooms) throws SQLException {
    String sql = "SELECT name, last_seq FROM rooms WHERE name IN ("
        + String.join(", ", Collections.nCopies(rooms.size(), "?")) + ") ORDER BY name FOR UPDATE";
    Map<String, Long> lastSeq = new LinkedHashMap<>();
    try (PreparedStatement lock = connection.prepareStatement(sql)) {
      for (int i = 0; i < rooms.size(); i++) {
        lock.setString(i + 1, rooms.get(i));
      }
      try (ResultSet row = lock.executeQuery()) {
        while (row.next()) { // reading the rows takes their locks
          lastSeq.put(row.getString("name"), row.getLong("last_seq"));
        }
      }
    }
    if (lastSeq.size() != rooms.size()) {
      throw new SQLException("only " + lastSeq.size() + " of " + rooms.size() + " room rows were there to lock");
    }
    return lastSeq;
  }

  /** Records the last seq handed out in each room; the rows must be locked by this transaction. */
  static void setLastSeq(Connection connection, Map<String, Long> lastSeq) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE rooms SET last_seq = ? WHERE name = ?")) {
      for (Map.Entry<String, Long> room : lastSeq.entrySet()) {
        update.setLong(1, room.getValue());
        update.setString(2, room.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** Every room with the id of its newest message, or null when it has none. */
  static Map<String, Long> all(Connection connection) throws SQLException {
    Map<String, Long> rooms = new LinkedHashMap<>();
    try (PreparedStatement all = connection.prepareStatement(ALL); ResultSet row = all.executeQuery()) {
      while (row.next()) {
        rooms.put(row.getString("name"), row.getObject("last_message_id", Long.class));
      }
    }
    return rooms;
  }
}
