package io.leadscore.application.port.out.vendor;

import java.util.List;
import java.util.Objects;

/** What an inbound webhook delivery means: data to store, or an answer to give the vendor. */
public sealed interface HookOutcome {
  /** Contact changes and events to store (the same way as a pulled page's). */
  record Changes(List<VendorContact> contacts, List<VendorEvent> events) implements HookOutcome {
    public Changes {
      contacts = List.copyOf(contacts);
      events = List.copyOf(events);
    }
  }

  /**
   * The answer to a validation ping (Mailchimp's {@code GET} when a webhook is registered): status
   * 200 with this body; nothing is stored.
   *
   * @param contentType the body's media type ({@code text/plain})
   * @param body the body, possibly empty
   */
  record Reply(String contentType, String body) implements HookOutcome {
    public Reply {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(body, "body");
    }
  }
}
