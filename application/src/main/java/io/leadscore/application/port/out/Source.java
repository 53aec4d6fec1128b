package io.leadscore.application.port.out;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A configured vendor connection (http-api.md, "Sources"): which vendor, its settings (secrets
 * included: only the API masks them), when it syncs, and where its last sync stopped. Immutable.
 *
 * <p>Settings trees are JSON-like ({@code Map<String, ?>}, {@code List<?>}, {@code String}, {@code
 * Boolean}, numbers, null), copied read-only with numbers normalised (whole numbers to {@code
 * Long}, others to {@code Double}), so a tree read back from storage equals the one saved.
 *
 * @param id unique across workspaces (the inbound hook URL names only it)
 * @param kind the vendor ({@code mailchimp}); a known vendor module's kind when configured
 * @param schedule when it syncs by itself
 * @param writeBack the write-back settings, empty for none
 * @param hookSecretHash hex SHA-256 of the inbound hook secret (64 characters); the secret itself
 *     is shown once, at creation
 * @param cursor where the next sync starts (the vendor's opaque cursor), null before the first
 * @param nextSyncAt when a scheduled sync is due, null when none is
 */
public record Source(
    String id,
    String workspace,
    String kind,
    String name,
    Map<String, Object> settings,
    Schedule schedule,
    Map<String, Object> writeBack,
    String hookSecretHash,
    String cursor,
    Instant nextSyncAt,
    Instant createdAt) {
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    settings = tree(settings);
    Objects.requireNonNull(schedule, "schedule");
    writeBack = tree(writeBack);
    if (hookSecretHash == null || !HEX_SHA256.matcher(hookSecretHash).matches()) {
      throw new IllegalArgumentException("hookSecretHash: must be 64 lower-case hex digits");
    }
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** This source, its cursor moved to {@code next}. */
  public Source withCursor(String next) {
    return new Source(
        id,
        workspace,
        kind,
        name,
        settings,
        schedule,
        writeBack,
        hookSecretHash,
        next,
        nextSyncAt,
        createdAt);
  }

  /** This source, its next scheduled sync at {@code next} (null for none). */
  public Source withNextSyncAt(Instant next) {
    return new Source(
        id,
        workspace,
        kind,
        name,
        settings,
        schedule,
        writeBack,
        hookSecretHash,
        cursor,
        next,
        createdAt);
  }

  private static Map<String, Object> tree(Map<String, Object> map) {
    @SuppressWarnings("unchecked")
    var copy = (Map<String, Object>) copy(map);
    return copy;
  }

  /** A read-only deep copy of a JSON-like tree, numbers normalised. */
  private static Object copy(Object node) {
    return switch (node) {
      case null -> null;
      case Map<?, ?> map -> {
        var copy = new LinkedHashMap<String, Object>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), copy(value)));
        yield Collections.unmodifiableMap(copy);
      }
      case List<?> list -> {
        var copy = new ArrayList<Object>(list.size());
        list.forEach(item -> copy.add(copy(item)));
        yield Collections.unmodifiableList(copy);
      }
      case Long whole -> whole;
      case Integer whole -> whole.longValue();
      case Short whole -> whole.longValue();
      case Byte whole -> whole.longValue();
      case BigInteger whole -> whole.bitLength() < 64 ? whole.longValue() : whole.doubleValue();
      case BigDecimal decimal -> number(decimal.doubleValue());
      case Number number -> number(number.doubleValue());
      default -> node;
    };
  }

  private static Object number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : value;
  }
}
