package io.leadscore.domain.engine;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import java.time.Instant;
import java.util.Collection;

/**
 * The engine: {@code score(model, contact, events, asOf) -> LeadScore}, pure and deterministic
 * (scoring-model.md, "Semantics"). Same inputs, same answer, always; no clock, no time zone.
 * Thread-safe.
 */
public final class ScoringEngine {
  private ScoringEngine() {}

  /**
   * Scores a contact on its whole history at {@code asOf}. Events after {@code asOf} count
   * nowhere; the events may come in any order (they are ordered by occurredAt, then eventKey)
   * and must have unique eventKeys.
   */
  public static LeadScore score(
      ScoringModel model, Contact contact, Collection<Event> events, Instant asOf) {
    return compile(model).score(contact, events, asOf);
  }

  /** Prepares a model for scoring many contacts. */
  public static CompiledModel compile(ScoringModel model) {
    return new CompiledModel(model);
  }
}
