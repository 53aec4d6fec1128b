package io.leadscore.bootstrap.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code events} table directly over JDBC, beside the server, to check what a fault left
 * stored: how many rows, how many distinct keys, how many under one batch's key pattern. On the
 * embedded database the server must be stopped first (one process at a time).
 */
public final class StoredEvents {
  private final String url;
  private final String user;
  private final String password;

  public StoredEvents(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Rows in {@code events}. */
  public long count() {
    return number("SELECT COUNT(*) FROM events", null);
  }

  /** Distinct event keys in {@code events}. */
  public long distinctKeys() {
    return number("SELECT COUNT(DISTINCT event_key) FROM events", null);
  }

  /** Rows whose key is {@code LIKE pattern}. */
  public long matching(String pattern) {
    return number("SELECT COUNT(*) FROM events WHERE event_key LIKE ?", pattern);
  }

  /** How many times each key occurs: a key stored twice shows as 2. */
  public Map<String, Long> keyCounts() {
    try (Connection connection = connect();
        var statement =
            connection.prepareStatement(
                "SELECT event_key, COUNT(*) FROM events GROUP BY event_key");
        var rows = statement.executeQuery()) {
      var counts = new HashMap<String, Long>();
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long number(String sql, String parameter) {
    try (Connection connection = connect();
        var statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A plain connection (no pool), closed by the caller. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }
}
