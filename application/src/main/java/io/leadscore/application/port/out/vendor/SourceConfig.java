package io.leadscore.application.port.out.vendor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a connector is made from: one configured source, its secrets included (http-api.md,
 * "Sources"). Immutable.
 *
 * @param sourceId the source's id (also the {@code source} of the events it stores)
 * @param workspace the workspace the source belongs to
 * @param kind the vendor ({@link VendorConnectorFactory#kind()})
 * @param settings the vendor's settings, as checked by {@link
 *     VendorConnectorFactory#checkSettings}: a JSON-like tree, read-only
 * @param writeBack the write-back settings ({@code tierTag}, {@code scoreField}), empty when none
 */
public record SourceConfig(
    String sourceId,
    String workspace,
    String kind,
    Map<String, Object> settings,
    Map<String, Object> writeBack) {
  public SourceConfig {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(kind, "kind");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    writeBack = Collections.unmodifiableMap(new LinkedHashMap<>(writeBack));
  }
}
