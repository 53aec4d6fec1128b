package io.leadscore.application.service;

import io.leadscore.application.port.in.EraseContactUseCase;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.WebhookDeliveries;

/**
 * Erases a contact, its events, its scores and its notifications with their webhook deliveries
 * (they carry its id), in one transaction.
 */
public final class EraseContactService implements EraseContactUseCase {
  private final Transactions transactions;
  private final ContactRepository contacts;
  private final EventStore events;
  private final ScoreStore scores;
  private final WebhookDeliveries notifications;

  public EraseContactService(
      Transactions transactions,
      ContactRepository contacts,
      EventStore events,
      ScoreStore scores,
      WebhookDeliveries notifications) {
    this.transactions = transactions;
    this.contacts = contacts;
    this.events = events;
    this.scores = scores;
    this.notifications = notifications;
  }

  @Override
  public void erase(String workspace, String contactId) {
    transactions.run(
        () -> {
          events.eraseContact(workspace, contactId);
          scores.eraseContact(workspace, contactId);
          notifications.eraseContact(workspace, contactId);
          if (!contacts.erase(workspace, contactId)) {
            throw new NotFoundException("contact", contactId); // rolls back: nothing was there
          }
        });
  }
}
