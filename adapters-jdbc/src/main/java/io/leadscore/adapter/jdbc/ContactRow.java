package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.instant;

import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.domain.contact.Contact;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A row of {@code contacts}: the contact without its external ids, which live in their own table,
 * and its revision (migration V4).
 */
record ContactRow(
    String id,
    long seq,
    String email,
    Contact profile,
    Instant createdAt,
    Instant updatedAt,
    long revision) {

  /** The columns {@link #MAPPER} reads, for {@code SELECT} lists. */
  static final String COLUMNS =
      "id, seq, email, attributes, tags, created_at, updated_at, revision";

  /** The same columns qualified by a table alias {@code c}. */
  static final String C_COLUMNS =
      "c.id, c.seq, c.email, c.attributes, c.tags, c.created_at, c.updated_at, c.revision";

  static final RowMapper<ContactRow> MAPPER =
      (row, context) ->
          new ContactRow(
              row.getString("id"),
              row.getLong("seq"),
              row.getString("email"),
              new Contact(
                  JsonCodec.values(row.getString("attributes")),
                  new HashSet<>(JsonCodec.strings(row.getString("tags")))),
              instant(row, "created_at"),
              instant(row, "updated_at"),
              row.getLong("revision"));

  /** The stored contact with these external ids, ordered by source. */
  ContactRecord record(List<ExternalId> externalIds) {
    List<ExternalId> sorted =
        externalIds.stream()
            .sorted(Comparator.comparing(ExternalId::source).thenComparing(ExternalId::id))
            .toList();
    return new ContactRecord(id, email, sorted, profile, createdAt, updatedAt);
  }
}
