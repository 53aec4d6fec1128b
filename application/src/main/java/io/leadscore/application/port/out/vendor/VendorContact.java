package io.leadscore.application.port.out.vendor;

import io.leadscore.application.port.out.ExternalId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A contact as a vendor has it (vendors.md, C2). The application finds the contact by its external
 * id, else by its e-mail, else creates it; then sets the e-mail, merges the attributes (those named
 * replace ours, others stay: the API and other sources may set them too) and edits the tags.
 * Validated like {@code PUT /v1/contacts}: a contact with a bad value, or whose e-mail belongs to
 * another contact, is reported and skipped.
 *
 * @param externalId the contact's id at the vendor, {@code source} being the vendor's kind ({@code
 *     {mailchimp, "a1b2c3d4e5:0cba..."}})
 * @param email the e-mail, or null when the vendor has none; normalised by the application
 * @param attributes attribute values by name (lower snake case): {@code String}, {@code Number},
 *     {@code Boolean} or a list of those
 * @param addTags tags the contact has at the vendor
 * @param removeTags tags the contact no longer has at the vendor
 */
public record VendorContact(
    ExternalId externalId,
    String email,
    Map<String, Object> attributes,
    List<String> addTags,
    List<String> removeTags) {
  public VendorContact {
    Objects.requireNonNull(externalId, "externalId");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    addTags = List.copyOf(addTags);
    removeTags = List.copyOf(removeTags);
  }

  /** A contact with an e-mail and attributes, and no tag changes. */
  public static VendorContact of(
      ExternalId externalId, String email, Map<String, Object> attributes) {
    return new VendorContact(externalId, email, attributes, List.of(), List.of());
  }
}
