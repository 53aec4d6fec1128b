package io.leadscore.domain.engine;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import java.time.Instant;
import java.util.Collection;

/** The engine: pure and deterministic (scoring-model.md, "Semantics"). */
public final class ScoringEngine {
  private ScoringEngine() {}

  /** Scores a contact on its whole history at {@code asOf}; events after {@code asOf} count nowhere. */
  public static LeadScore score(ScoringModel model, Contact contact, Collection<Event> events, Instant asOf) {
    throw new UnsupportedOperationException("stub: being implemented");
  }
}
