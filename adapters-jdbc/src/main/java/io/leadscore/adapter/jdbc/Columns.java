package io.leadscore.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.Argument;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns, the same on both databases and
 * whatever the JVM's default zone (quality.md, "clock-edges"): bound as an {@code OffsetDateTime}
 * in UTC, read back as one. Both databases keep microseconds, so instants are truncated to the
 * microsecond before they are bound: what is read back equals what was stored, on either database.
 */
final class Columns {
  private Columns() {}

  /** An instant as stored: truncated to the microsecond. */
  static Instant stored(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** A bind argument for an instant, or SQL NULL. */
  static Argument timestamp(Instant instant) {
    if (instant == null) {
      return (position, statement, context) ->
          statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
    }
    OffsetDateTime value = stored(instant).atOffset(ZoneOffset.UTC);
    return (position, statement, context) -> statement.setObject(position, value);
  }

  /** The instant in a column, or null. */
  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
