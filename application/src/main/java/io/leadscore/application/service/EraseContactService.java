package io.leadscore.application.service;

import io.leadscore.application.port.in.EraseContactUseCase;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.WebhookDeliveries;

/**
 * Erases a contact, its events, its scores, its identities, its refresh mark and its notifications
 * with their webhook deliveries (they carry its id), in one transaction.
 *
 * <p>Racing writes: the contact's row is locked exclusively first, so the erase waits for every
 * transaction that holds it (an ingest or upsert that resolved it, a refresh writing its scores)
 * and then deletes what they wrote; a write that comes later finds the contact gone and lands on a
 * new one ({@link ContactRepository}). The mark is removed twice: a refresh that claimed it before
 * the erase and could not hold the contact puts it back, and the erase's first removal waits for
 * that refresh to end.
 */
public final class EraseContactService implements EraseContactUseCase {
  private final Transactions transactions;
  private final ContactRepository contacts;
  private final EventStore events;
  private final ScoreStore scores;
  private final WebhookDeliveries notifications;
  private final ScoreRefreshQueue refreshQueue;

  public EraseContactService(
      Transactions transactions,
      ContactRepository contacts,
      EventStore events,
      ScoreStore scores,
      WebhookDeliveries notifications,
      ScoreRefreshQueue refreshQueue) {
    this.transactions = transactions;
    this.contacts = contacts;
    this.events = events;
    this.scores = scores;
    this.notifications = notifications;
    this.refreshQueue = refreshQueue;
  }

  @Override
  public void erase(String workspace, String contactId) {
    transactions.run(
        () -> {
          if (!contacts.lockForErase(workspace, contactId)) {
            throw new NotFoundException("contact", contactId);
          }
          events.eraseContact(workspace, contactId);
          scores.eraseContact(workspace, contactId);
          notifications.eraseContact(workspace, contactId);
          refreshQueue.forget(workspace, contactId);
          contacts.erase(workspace, contactId);
          refreshQueue.forget(workspace, contactId);
        });
  }
}
