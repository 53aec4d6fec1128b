package io.leadscore.application.port.in;

/**
 * Erases a contact with all its events, identities, scores, notifications and their webhook
 * deliveries, sent or not (the right to be forgotten: they carry its id), in one transaction.
 *
 * @throws NotFoundException when the workspace has no such contact
 */
public interface EraseContactUseCase {
  void erase(String workspace, String contactId);
}
