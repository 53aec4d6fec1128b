package io.leadscore.adapter.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's {@code COPY .. FROM STDIN WITH (FORMAT csv)} through a JDBI handle (JDBI has no COPY
 * API: dependencies.md, gotcha 6), and the CSV fields it reads: a quoted field is text (the empty
 * string included), an unquoted empty field is NULL. Used by the stores' PostgreSQL fast paths.
 */
final class CsvCopy {
  private CsvCopy() {}

  /** Appends {@code text} as a quoted CSV field (quotes doubled). */
  static StringBuilder quoted(StringBuilder csv, String text) {
    csv.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        csv.append('"');
      }
      csv.append(c);
    }
    return csv.append('"');
  }

  /** Appends {@code text} quoted, or nothing (NULL) when it is null. */
  static StringBuilder quotedOrNull(StringBuilder csv, String text) {
    return text == null ? csv : quoted(csv, text);
  }

  /**
   * Runs {@code copySql} with {@code csv} as its input on the handle's connection; a failure part
   * way cancels the COPY, so the transaction sees none of the rows.
   */
  static void copyIn(Handle handle, String copySql, CharSequence csv) {
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    try {
      CopyIn copyIn =
          handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
      try {
        copyIn.writeToCopy(bytes, 0, bytes.length);
        copyIn.endCopy();
      } finally {
        if (copyIn.isActive()) {
          copyIn.cancelCopy();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("COPY failed: " + copySql.strip(), e);
    }
  }
}
