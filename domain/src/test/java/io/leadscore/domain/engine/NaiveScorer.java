package io.leadscore.domain.engine;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import java.time.Instant;
import java.util.Collection;

/** The spec read literally: re-filters every rule over all events. Test oracle and baseline (b). */
public final class NaiveScorer {
  private NaiveScorer() {}

  public static LeadScore score(ScoringModel model, Contact contact, Collection<Event> events, Instant asOf) {
    throw new UnsupportedOperationException("stub: being implemented");
  }
}
