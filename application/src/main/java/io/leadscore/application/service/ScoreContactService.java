package io.leadscore.application.service;

import io.leadscore.application.port.in.ContactScore;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.ScoreContactQuery;
import io.leadscore.application.port.in.ScoreContactUseCase;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.scoring.LiveModels;
import io.leadscore.domain.engine.LeadScore;

/** Scores a contact exactly: the engine over its stored history, at the asked instant. */
public final class ScoreContactService implements ScoreContactUseCase {
  private final LiveModels liveModels;
  private final ContactRepository contacts;
  private final EventStore events;

  public ScoreContactService(LiveModels liveModels, ContactRepository contacts, EventStore events) {
    this.liveModels = liveModels;
    this.contacts = contacts;
    this.events = events;
  }

  @Override
  public ContactScore score(ScoreContactQuery query) {
    ContactRecord contact =
        contacts
            .find(query.workspace(), new ContactIdentity.ById(query.contactId()))
            .orElseThrow(() -> new NotFoundException("contact", query.contactId()));
    LiveModels.Live live = liveModels.requireLive(query.workspace(), query.model());
    LeadScore score =
        live.compiled()
            .score(
                contact.profile(), events.history(query.workspace(), contact.id()), query.asOf());
    return new ContactScore(score, live.version());
  }
}
