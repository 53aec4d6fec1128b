package io.leadscore.application.service;

import io.leadscore.application.port.in.FindContactUseCase;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ContactRepository;
import java.util.Locale;

/** Finds a contact of the workspace by any identity. */
public final class FindContactService implements FindContactUseCase {
  private final ContactRepository contacts;

  public FindContactService(ContactRepository contacts) {
    this.contacts = contacts;
  }

  @Override
  public ContactRecord find(String workspace, ContactIdentity identity) {
    return contacts
        .find(workspace, normalised(identity))
        .orElseThrow(() -> new NotFoundException("contact", describe(identity)));
  }

  /** E-mails are stored normalised (trimmed, lower-case); a lookup finds them in any case. */
  private static ContactIdentity normalised(ContactIdentity identity) {
    return identity instanceof ContactIdentity.ByEmail(String email)
        ? new ContactIdentity.ByEmail(email.strip().toLowerCase(Locale.ROOT))
        : identity;
  }

  static String describe(ContactIdentity identity) {
    return switch (identity) {
      case ContactIdentity.ById(String id) -> id;
      case ContactIdentity.ByEmail(String email) -> "with e-mail " + email;
      case ContactIdentity.ByExternalId(var external) ->
          "with " + external.source() + " id " + external.id();
    };
  }
}
