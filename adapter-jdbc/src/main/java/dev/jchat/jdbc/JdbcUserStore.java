package dev.jchat.jdbc;

import dev.jchat.core.domain.StoredUser;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.UserStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Accounts in the users table; a unique constraint on the lower-cased name keeps names unique. */
public final class JdbcUserStore implements UserStore {
  private static final String INSERT = "INSERT INTO users (name, name_key, password_hash) VALUES (?, LOWER(?), ?)";
  private static final String FIND = "SELECT id, name, password_hash FROM users WHERE name_key = LOWER(?)";

  private final Database database;

  public JdbcUserStore(Database database) {
    this.database = database;
  }

  @Override
  public Optional<StoredUser> create(String name, String passwordHash) {
    return database.withConnection(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, name);
        insert.setString(2, name);
        insert.setString(3, passwordHash);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          return Optional.of(new StoredUser(new User(keys.getLong("id"), name), passwordHash));
        }
      } catch (SQLException e) {
        if (Database.isUniqueViolation(e)) {
          return Optional.empty();
        }
        throw e;
      }
    });
  }

  @Override
  public Optional<StoredUser> findByName(String name) {
    return database.withConnection(connection -> {
      try (PreparedStatement find = connection.prepareStatement(FIND)) {
        find.setString(1, name);
        try (ResultSet row = find.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          User user = new User(row.getLong("id"), row.getString("name"));
          return Optional.of(new StoredUser(user, row.getString("password_hash")));
        }
      }
    });
  }
}
