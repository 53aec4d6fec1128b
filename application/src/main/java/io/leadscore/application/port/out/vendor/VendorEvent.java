package io.leadscore.application.port.out.vendor;

import io.leadscore.application.port.out.ContactIdentity;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An engagement event a vendor reports (vendors.md, C1), validated like one sent to {@code POST
 * /v1/events}: an invalid one is reported with its reason and skipped.
 *
 * @param eventKey the idempotency key, the same each time the same fact is read ({@code "<kind>:" +
 *     hex(SHA-256(natural key))}, vendors.md C0.1); null derives one from the content
 * @param type our event type ({@code email.opened})
 * @param occurredAt when it happened at the vendor
 * @param contact who did it: usually {@link ContactIdentity.ByExternalId} with the vendor's kind as
 *     source, or {@link ContactIdentity.ByEmail}; an unknown contact is created
 * @param properties values by name: {@code String}, {@code Number}, {@code Boolean} or a list of
 *     those; always {@code source} and the vendor's ids (vendors.md, C1)
 */
public record VendorEvent(
    String eventKey,
    String type,
    Instant occurredAt,
    ContactIdentity contact,
    Map<String, Object> properties) {
  public VendorEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(contact, "contact");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
