package io.leadscore.application.service;

import io.leadscore.application.port.in.EraseContactUseCase;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.Transactions;

/** Erases a contact, its events and its scores in one transaction. */
public final class EraseContactService implements EraseContactUseCase {
  private final Transactions transactions;
  private final ContactRepository contacts;
  private final EventStore events;
  private final ScoreStore scores;

  public EraseContactService(
      Transactions transactions, ContactRepository contacts, EventStore events, ScoreStore scores) {
    this.transactions = transactions;
    this.contacts = contacts;
    this.events = events;
    this.scores = scores;
  }

  @Override
  public void erase(String workspace, String contactId) {
    transactions.run(
        () -> {
          events.eraseContact(workspace, contactId);
          scores.eraseContact(workspace, contactId);
          if (!contacts.erase(workspace, contactId)) {
            throw new NotFoundException("contact", contactId); // rolls back: nothing was there
          }
        });
  }
}
