package io.leadscore.application.port.in;

import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;

/**
 * A contact of the workspace by any identity.
 *
 * @throws NotFoundException when the workspace has no such contact
 */
public interface FindContactUseCase {
  ContactRecord find(String workspace, ContactIdentity identity);
}
