package io.leadscore.domain.engine;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.Grade;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.Tier;
import io.leadscore.domain.model.Topic;
import io.leadscore.domain.model.condition.RegexBudget;
import io.leadscore.domain.model.rule.EngagementRule;
import io.leadscore.domain.model.rule.EventTypes;
import io.leadscore.domain.model.rule.FitRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A scoring model made ready for evaluation: an index from event type to the engagement rules and
 * topics listening to it, filled lazily. Compile a model once and score many contacts with it.
 * Thread-safe: the index is the only mutable part and is a concurrent map.
 */
public final class CompiledModel {
  private static final int[] NONE = new int[0];
  static final Set<String> NO_TAGS = Set.of(); // events carry no tags

  private final ScoringModel model;
  private final List<EventTypes> ruleTypes;
  private final List<EventTypes> topicTypes;
  private final ConcurrentHashMap<String, Listeners> listenersByType = new ConcurrentHashMap<>();

  CompiledModel(ScoringModel model) {
    this.model = model;
    this.ruleTypes = model.engagement().stream().map(EngagementRule::on).toList();
    this.topicTypes = model.topics().stream().map(Topic::on).toList();
  }

  /** The model this was compiled from. */
  public ScoringModel model() {
    return model;
  }

  /**
   * Scores a contact on its whole history at {@code asOf}; see {@link ScoringEngine#score}. One
   * pass, and when the events already come in (occurredAt, eventKey) order, as the event store
   * reads them, nothing is allocated per event: memory grows with the rules, not the history.
   *
   * <p>The whole pass shares one {@link RegexBudget}, spent first on the fit rules, then on the
   * events in order: so whether a regex matched an event never depends on {@code asOf}, only on the
   * contact and the events before it.
   */
  public LeadScore score(Contact contact, Collection<Event> events, Instant asOf) {
    return score(contact, events, asOf, new RegexBudget());
  }

  /** {@link #score(Contact, Collection, Instant)} spending {@code budget} (tests read it after). */
  LeadScore score(Contact contact, Collection<Event> events, Instant asOf, RegexBudget budget) {
    List<LeadScore.Contribution> fit = fit(contact, budget);
    var rules = new RuleTally[model.engagement().size()];
    for (int i = 0; i < rules.length; i++) {
      rules[i] = new RuleTally(model.engagement().get(i), asOf);
    }
    TopicTally[] topics = newTopicTallies();
    for (Event event : isOrdered(events) ? events : sortedCopy(events)) {
      if (event.occurredAt().isAfter(asOf)) {
        break; // in order, so every later event is after asOf too
      }
      offer(event, rules, topics, budget);
    }
    var engagement = new ArrayList<LeadScore.Contribution>(rules.length);
    for (RuleTally rule : rules) {
      LeadScore.Contribution contribution = rule.contribution();
      if (contribution != null) {
        engagement.add(contribution);
      }
    }
    return result(fit, asOf, engagement, topics);
  }

  /** Offers one event to the rules and topics listening to its type (the per-event path). */
  private void offer(Event event, RuleTally[] rules, TopicTally[] topics, RegexBudget budget) {
    Listeners listeners = listenersFor(event.type());
    for (int index : listeners.rules()) {
      RuleTally rule = rules[index];
      if (rule.accepts(event.properties(), budget)) {
        rule.offer(event.occurredAt());
      }
    }
    offerToTopics(event, listeners, topics, budget);
  }

  /** One tally per topic of the model, in model order. */
  TopicTally[] newTopicTallies() {
    var tallies = new TopicTally[model.topics().size()];
    for (int i = 0; i < tallies.length; i++) {
      tallies[i] = new TopicTally(model.topics().get(i));
    }
    return tallies;
  }

  /** Adds the event to the tallies of the topics listening to it whose {@code where} holds. */
  void offerToTopics(Event event, Listeners listeners, TopicTally[] tallies, RegexBudget budget) {
    for (int index : listeners.topics()) {
      if (model.topics().get(index).where().holds(event.properties(), NO_TAGS, budget)) {
        tallies[index].add(event);
      }
    }
  }

  /** A fresh incremental state for one contact. */
  public ContactScoreState newState() {
    return new ContactScoreState(this);
  }

  /** The engagement rules and topics listening to one event type, by index in the model. */
  record Listeners(int[] rules, int[] topics) {}

  /** Who listens to events of this type: one map lookup per event on the hot path. */
  Listeners listenersFor(String type) {
    Listeners found = listenersByType.get(type);
    return found != null
        ? found
        : listenersByType.computeIfAbsent(
            type, key -> new Listeners(listening(key, ruleTypes), listening(key, topicTypes)));
  }

  private static int[] listening(String type, List<EventTypes> on) {
    int[] matching = new int[on.size()];
    int n = 0;
    for (int i = 0; i < on.size(); i++) {
      if (on.get(i).matches(type)) {
        matching[n++] = i;
      }
    }
    return n == 0 ? NONE : Arrays.copyOf(matching, n);
  }

  private static boolean isOrdered(Collection<Event> events) {
    Event previous = null;
    for (Event event : events) {
      if (previous != null && Event.compareOrder(previous, event) > 0) {
        return false;
      }
      previous = event;
    }
    return true;
  }

  private static List<Event> sortedCopy(Collection<Event> events) {
    var sorted = new ArrayList<>(events);
    sorted.sort(Event.ORDER);
    return sorted;
  }

  /** The contributions of the fit rules that hold on the contact, in model order. */
  List<LeadScore.Contribution> fit(Contact contact, RegexBudget budget) {
    var held = new ArrayList<LeadScore.Contribution>();
    for (FitRule rule : model.fit()) {
      if (rule.when().holds(contact.attributes(), contact.tags(), budget)) {
        held.add(new LeadScore.Contribution(rule.id(), LeadScore.Kind.FIT, 1, rule.points()));
      }
    }
    return held;
  }

  /**
   * Builds the LeadScore from the fit contributions, the rules' contributions and the topic tallies
   * at asOf.
   */
  LeadScore result(
      List<LeadScore.Contribution> fitted,
      Instant asOf,
      List<LeadScore.Contribution> engagement,
      TopicTally[] tallies) {
    var breakdown = new ArrayList<LeadScore.Contribution>(fitted.size() + engagement.size());
    double fit = 0;
    for (LeadScore.Contribution contribution : fitted) {
      fit += contribution.points();
      breakdown.add(contribution);
    }
    double engaged = 0;
    for (LeadScore.Contribution contribution : engagement) {
      engaged += contribution.points();
      breakdown.add(contribution);
    }
    double score = model.scale().clamp(fit + engaged);
    var topics = new ArrayList<LeadScore.TopicInterest>(tallies.length);
    for (TopicTally tally : tallies) {
      topics.add(tally.interestAt(asOf));
    }
    return new LeadScore(
        model.id(),
        asOf,
        score,
        fit,
        engaged,
        lastAtOrBelow(model.tiers(), Tier::from, Tier::id, score),
        lastAtOrBelow(model.grades(), Grade::from, Grade::id, fit),
        topics,
        breakdown);
  }

  /**
   * The id of the last level (tier or grade) whose {@code from} is at or below {@code value}, or of
   * the first level when none is; null when there are no levels (Semantics 4).
   */
  private static <T> String lastAtOrBelow(
      List<T> levels, ToDoubleFunction<T> from, Function<T, String> id, double value) {
    if (levels.isEmpty()) {
      return null;
    }
    T chosen = levels.getFirst();
    for (T level : levels) {
      if (from.applyAsDouble(level) <= value) {
        chosen = level;
      }
    }
    return id.apply(chosen);
  }
}
