package io.leadscore.application.service;

import io.leadscore.application.port.in.FindContactUseCase;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ContactRepository;

/** Finds a contact of the workspace by any identity. */
public final class FindContactService implements FindContactUseCase {
  private final ContactRepository contacts;

  public FindContactService(ContactRepository contacts) {
    this.contacts = contacts;
  }

  @Override
  public ContactRecord find(String workspace, ContactIdentity identity) {
    return contacts
        .find(workspace, identity)
        .orElseThrow(() -> new NotFoundException("contact", describe(identity)));
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
