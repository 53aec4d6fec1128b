package io.leadscore.application.ingest;

import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.condition.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The idempotency key of an event sent without one (http-api.md, "Identity and idempotency"): a
 * SHA-256 of its source, type, instant, contact identity and properties in a canonical form, so a
 * re-sent batch or a re-run sync derives the same key and never counts twice. Canonical: every
 * field length-prefixed (no separator can be forged), properties sorted by name, instants in UTC,
 * numbers in their shortest text form, each value tagged with its kind ({@code 1} and {@code "1"}
 * differ). Reads {@code h:} and 64 hex digits, within the event-key alphabet.
 */
public final class DerivedEventKeys {
  public static final String PREFIX = "h:";

  private DerivedEventKeys() {}

  public static String of(String source, ContactIdentity identity, Event event) {
    var canonical = new StringBuilder(128);
    field(canonical, source);
    field(canonical, event.type());
    field(canonical, event.occurredAt().toString());
    switch (identity) {
      case ContactIdentity.ById(String id) -> field(canonical.append('i'), id);
      case ContactIdentity.ByEmail(String email) -> field(canonical.append('e'), email);
      case ContactIdentity.ByExternalId(var external) -> {
        field(canonical.append('x'), external.source());
        field(canonical, external.id());
      }
    }
    for (Map.Entry<String, Value> property : new TreeMap<>(event.properties()).entrySet()) {
      field(canonical, property.getKey());
      value(canonical, property.getValue());
    }
    return PREFIX + HexFormat.of().formatHex(sha256(canonical.toString()));
  }

  private static void value(StringBuilder out, Value value) {
    switch (value) {
      case Value.Text text -> field(out.append('t'), text.value());
      case Value.Number number -> field(out.append('n'), number.text());
      case Value.Bool bool -> field(out.append('b'), bool.text());
      case Value.Many many -> {
        out.append('m').append(many.values().size()).append(':');
        for (Value.Scalar item : many.values()) {
          value(out, item);
        }
      }
    }
  }

  private static void field(StringBuilder out, String text) {
    out.append(text.length()).append(':').append(text);
  }

  /** SHA-256 of the text's UTF-8 bytes. */
  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
