package io.leadscore.domain.engine;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.condition.RegexBudget;
import java.time.Instant;
import java.util.ArrayList;

/**
 * The incremental form of the engine (scoring-model.md, "Retroactive = incremental"): one contact's
 * running state under one model. Events are folded in one at a time, in any arrival order, and
 * {@link #scoreAt} gives exactly what {@link ScoringEngine#score} gives on the same events at any
 * {@code asOf}, past or future. Folding the newest event is O(rules it matches); an out-of-order
 * event replays only the rules it matches. Fit rules are evaluated at read time on the contact
 * given, so attribute changes need no re-fold.
 *
 * <p>Folding an event equal to one already folded in (occurredAt, eventKey) changes nothing; the
 * store keeps keys unique, so a key is never folded with two different times. Mutable, not
 * thread-safe: confine a state to one thread.
 *
 * <p>Regex work: a state carries one {@link RegexBudget} for all its folds, spent in arrival order,
 * and each {@link #scoreAt} evaluates the fit rules on a fresh one. While no budget is spent (any
 * normal model on normal data) this is exactly the whole-history score; once one is, the matches
 * refused may differ from the whole-history pass's, which spends its budget in event order.
 */
public final class ContactScoreState {
  private final CompiledModel compiled;
  private final RuleRun[] runs;
  private final TopicTally[] tallies;
  private final RegexBudget budget = new RegexBudget();

  /** A fresh state for {@code model}; prefer {@link CompiledModel#newState()} for many contacts. */
  public ContactScoreState(ScoringModel model) {
    this(ScoringEngine.compile(model));
  }

  ContactScoreState(CompiledModel compiled) {
    this.compiled = compiled;
    ScoringModel model = compiled.model();
    runs = new RuleRun[model.engagement().size()];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = new RuleRun(model.engagement().get(i));
    }
    tallies = compiled.newTopicTallies();
  }

  /** Folds one event in; events may arrive in any order. */
  public void fold(Event event) {
    CompiledModel.Listeners listeners = compiled.listenersFor(event.type());
    for (int index : listeners.rules()) {
      RuleRun run = runs[index];
      if (run.rule().where().holds(event.properties(), CompiledModel.NO_TAGS, budget)) {
        run.insert(event);
      }
    }
    compiled.offerToTopics(event, listeners, tallies, budget);
  }

  /** The LeadScore at {@code asOf} for this contact's current attributes and tags. */
  public LeadScore scoreAt(Contact contact, Instant asOf) {
    var engagement = new ArrayList<LeadScore.Contribution>(runs.length);
    for (RuleRun run : runs) {
      LeadScore.Contribution contribution = run.contributionAt(asOf);
      if (contribution != null) {
        engagement.add(contribution);
      }
    }
    return compiled.result(compiled.fit(contact, new RegexBudget()), asOf, engagement, tallies);
  }
}
