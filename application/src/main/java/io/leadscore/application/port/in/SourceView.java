package io.leadscore.application.port.in;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A source as the API shows it: its secret settings masked ({@value #MASK}), never the hook secret.
 *
 * @param schedule the schedule as configured, or null when it syncs only when asked
 * @param writeBack the write-back settings, empty for none
 * @param nextSyncAt when its next scheduled sync is due, or null
 * @param synced whether a sync has stored a cursor yet
 */
public record SourceView(
    String id,
    String kind,
    String name,
    Map<String, Object> settings,
    String schedule,
    Map<String, Object> writeBack,
    Instant nextSyncAt,
    boolean synced,
    Instant createdAt) {
  /** What a secret setting's value is replaced by. */
  public static final String MASK = "********";

  public SourceView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    writeBack = Collections.unmodifiableMap(new LinkedHashMap<>(writeBack));
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
