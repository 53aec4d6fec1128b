package io.leadscore.application.port.out.vendor;

import java.util.List;
import java.util.Objects;

/**
 * One page of a vendor's data after a cursor: contacts that changed and engagement events.
 *
 * @param contacts contacts to create or update, in the vendor's order
 * @param events events to store; contacts they name that do not exist yet are created
 * @param nextCursor where the next page starts, stored with this page's data: on the last page,
 *     where the next sync starts (a high-water mark). Never null
 * @param more whether another page follows now
 */
public record Page(
    List<VendorContact> contacts, List<VendorEvent> events, String nextCursor, boolean more) {
  public Page {
    contacts = List.copyOf(contacts);
    events = List.copyOf(events);
    Objects.requireNonNull(nextCursor, "nextCursor");
  }
}
