package io.leadscore.application.port.out.vendor;

import io.leadscore.domain.reading.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes {@link VendorConnector}s for one vendor: the entry point of a vendor module, found with
 * {@link java.util.ServiceLoader} and keyed by {@link #kind()} (style.md, "Adding a vendor").
 *
 * <p>The application calls {@link #checkSettings} and {@link #checkWriteBack} when a source is
 * configured ({@code POST /v1/sources}) and stores the source only when both find nothing; it then
 * calls {@link #connect} with the stored settings each time it syncs the source or receives one of
 * its webhooks. Implementations are stateless (or hold only shared, thread-safe clients) and
 * thread-safe, and have a public no-argument constructor for the service loader.
 */
public interface VendorConnectorFactory {
  /**
   * The vendor's name as a source's {@code kind} says it ({@code mailchimp}, {@code ontraport}):
   * lower-case letters, digits and {@code -}; unique among the factories present. Also the {@code
   * source} of the external ids the vendor's contacts carry (vendors.md, C2).
   */
  String kind();

  /**
   * Every problem with a source's {@code settings} (vendors.md, C0.12), with paths relative to it
   * ({@code apiKey}, {@code mergeFields.industry}); empty when the settings are usable. Checks
   * shapes and values only: no I/O (a wrong but well-formed key shows at the first sync). Unknown
   * keys are problems. Never throws on any tree.
   *
   * @param settings a JSON-like tree: {@code Map<String, ?>}, {@code List<?>}, {@code String},
   *     {@code Number}, {@code Boolean} or null values, read-only
   */
  List<Problem> checkSettings(Map<String, Object> settings);

  /**
   * Every problem with a source's {@code writeBack} settings, with paths relative to it. The
   * default accepts the shape every vendor shares (http-api.md, "Sources"): {@code {tierTag?:
   * boolean, scoreField?: string of 1 to 64 characters}}, nothing else.
   */
  default List<Problem> checkWriteBack(Map<String, Object> writeBack) {
    var problems = new ArrayList<Problem>();
    writeBack.forEach(
        (key, value) -> {
          switch (key) {
            case "tierTag" -> {
              if (!(value instanceof Boolean)) {
                problems.add(new Problem(key, "must be true or false"));
              }
            }
            case "scoreField" -> {
              if (!(value instanceof String field) || field.isBlank() || field.length() > 64) {
                problems.add(new Problem(key, "must be a field name of 1 to 64 characters"));
              }
            }
            default -> problems.add(new Problem(key, "unknown key"));
          }
        });
    return problems;
  }

  /**
   * The top-level keys of {@code settings} that hold secrets ({@code apiKey}): never returned by
   * the API or logged; the application masks their values.
   */
  Set<String> secretSettings();

  /**
   * A connector for one source, whose settings passed {@link #checkSettings}. Does no I/O (a vendor
   * module resolves data centres and registers webhooks lazily, on the first call that needs them),
   * so it is cheap to call for every sync and every inbound webhook.
   *
   * @throws VendorRejectedException when the settings cannot work after all
   */
  VendorConnector connect(SourceConfig source);
}
