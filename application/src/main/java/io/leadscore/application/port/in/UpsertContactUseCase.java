package io.leadscore.application.port.in;

import io.leadscore.application.port.out.ContactRecord;

/**
 * Creates or updates a contact found by id, then e-mail, then external id (http-api.md, "Identity
 * and idempotency"); the identities given that it lacks are added to it. {@code attributes}
 * replaces all attributes when given; {@code tags} replaces the tags, then {@code addTags} and
 * {@code removeTags} edit them. The contact's scores are refreshed soon after.
 *
 * @throws InvalidInputException with every problem, writing nothing
 * @throws ConflictException when an e-mail or external id given belongs to another contact
 */
public interface UpsertContactUseCase {
  ContactRecord upsert(UpsertContactCommand command);
}
