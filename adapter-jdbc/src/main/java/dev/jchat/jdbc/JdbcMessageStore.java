package dev.jchat.jdbc;

import dev.jchat.core.domain.HistoryPage;
import dev.jchat.core.domain.NewMessage;
import dev.jchat.core.port.ChatMetrics;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.MessageStore;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Messages in a SQL database. Appends go through group commit (see {@link GroupCommitWriter}) and are
 * reported once their transaction committed; reads use a pooled connection each. Close it before
 * the {@link Database}.
 */
public final class JdbcMessageStore implements MessageStore, AutoCloseable {
  private final Database database;
  private final GroupCommitWriter writer;

  /** A store that stamps messages with the system's time, as an application's own code would. */
  public JdbcMessageStore(Database database) {
    this(database, Instant::now, GroupCommitSettings.defaults(), ChatMetrics.NONE);
  }

  public JdbcMessageStore(Database database, Clock clock) {
    this(database, clock, GroupCommitSettings.defaults(), ChatMetrics.NONE);
  }

  /** Counting the size of each batch it commits. */
  public JdbcMessageStore(Database database, Clock clock, GroupCommitSettings settings, ChatMetrics metrics) {
    this(database, clock::now, settings, metrics);
  }

  private JdbcMessageStore(Database database, Supplier<Instant> now, GroupCommitSettings settings,
                           ChatMetrics metrics) {
    this.database = database;
    this.writer = GroupCommitWriter.start(new AppendTransaction(database, now), settings, metrics);
  }

  @Override
  public void append(NewMessage message, AppendCallback done) {
    writer.submit(message, done);
  }

  @Override
  public HistoryPage before(String room, Long beforeId, int limit) {
    long below = beforeId == null ? Long.MAX_VALUE : beforeId;
    return database.withConnection(connection -> MessageTable.before(connection, room, below, limit));
  }

  @Override
  public HistoryPage after(String room, long afterId, int limit) {
    return database.withConnection(connection -> MessageTable.after(connection, room, afterId, limit));
  }

  @Override
  public void createRoom(String room) {
    database.withConnection(connection -> {
      RoomTable.create(connection, room);
      return null;
    });
  }

  @Override
  public Map<String, Long> rooms() {
    return database.withConnection(RoomTable::all);
  }

  /** Stores what is queued, fails what cannot be stored in time, and stops the writer thread. */
  @Override
  public void close() {
    writer.close();
  }
}
