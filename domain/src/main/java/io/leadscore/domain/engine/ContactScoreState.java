package io.leadscore.domain.engine;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import java.time.Instant;

/** The incremental form of the engine: folds events one at a time, in any arrival order. */
public final class ContactScoreState {
  public ContactScoreState(ScoringModel model) {
    throw new UnsupportedOperationException("stub: being implemented");
  }

  /** Folds one event in; events may arrive in any order. */
  public void fold(Event event) {
    throw new UnsupportedOperationException("stub: being implemented");
  }

  /** The LeadScore at {@code asOf}, equal to {@link ScoringEngine#score} on the folded events. */
  public LeadScore scoreAt(Contact contact, Instant asOf) {
    throw new UnsupportedOperationException("stub: being implemented");
  }
}
