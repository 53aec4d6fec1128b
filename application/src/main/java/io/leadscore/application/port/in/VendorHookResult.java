package io.leadscore.application.port.in;

import io.leadscore.application.port.in.IngestResult.RejectedEvent;
import java.util.List;
import java.util.Objects;

/** What a vendor webhook delivery did: data stored, or an answer to the vendor's ping. */
public sealed interface VendorHookResult {
  /**
   * The delivery's contacts and events were stored (answer 200).
   *
   * @param contacts contacts created or changed
   * @param accepted events stored now
   * @param duplicates events already stored (same key)
   * @param rejected invalid events by index, with every problem
   * @param errors contacts that were refused, each with its reason
   */
  record Stored(
      int contacts, int accepted, int duplicates, List<RejectedEvent> rejected, List<String> errors)
      implements VendorHookResult {
    public Stored {
      rejected = List.copyOf(rejected);
      errors = List.copyOf(errors);
    }
  }

  /** A validation ping: answer 200 with this body. Nothing was stored. */
  record Reply(String contentType, String body) implements VendorHookResult {
    public Reply {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(body, "body");
    }
  }
}
