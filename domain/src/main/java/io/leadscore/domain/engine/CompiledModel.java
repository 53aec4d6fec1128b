package io.leadscore.domain.engine;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.Grade;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.Tier;
import io.leadscore.domain.model.rule.EventTypes;
import io.leadscore.domain.model.rule.FitRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * A scoring model made ready for evaluation: an index from event type to the engagement rules
 * and topics listening to it, filled lazily. Compile a model once and score many contacts with
 * it. Thread-safe: the index is the only mutable part and is a concurrent map.
 */
public final class CompiledModel {
  private static final int[] NONE = new int[0];

  private final ScoringModel model;
  private final ConcurrentHashMap<String, int[]> rulesByType = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, int[]> topicsByType = new ConcurrentHashMap<>();

  CompiledModel(ScoringModel model) {
    this.model = model;
  }

  /** The model this was compiled from. */
  public ScoringModel model() {
    return model;
  }

  /** Scores a contact on its whole history at {@code asOf}; see {@link ScoringEngine#score}. */
  public LeadScore score(Contact contact, Collection<Event> events, Instant asOf) {
    var state = new ContactScoreState(this);
    for (Event event : inOrderUpTo(events, asOf)) {
      state.foldInOrder(event);
    }
    return state.scoreAt(contact, asOf);
  }

  /** A fresh incremental state for one contact. */
  public ContactScoreState newState() {
    return new ContactScoreState(this);
  }

  int[] rulesFor(String type) {
    return indexFor(type, rulesByType, model.engagement().size(), i -> model.engagement().get(i).on());
  }

  int[] topicsFor(String type) {
    return indexFor(type, topicsByType, model.topics().size(), i -> model.topics().get(i).on());
  }

  private static int[] indexFor(
      String type, ConcurrentHashMap<String, int[]> cache, int count, IntFunction<EventTypes> on) {
    int[] found = cache.get(type);
    if (found != null) {
      return found;
    }
    return cache.computeIfAbsent(
        type,
        key -> {
          int[] matching = new int[count];
          int n = 0;
          for (int i = 0; i < count; i++) {
            if (on.apply(i).matches(key)) {
              matching[n++] = i;
            }
          }
          return n == 0 ? NONE : java.util.Arrays.copyOf(matching, n);
        });
  }

  /** Events at or before {@code asOf}, in (occurredAt, eventKey) order; sorts only when needed. */
  private static List<Event> inOrderUpTo(Collection<Event> events, Instant asOf) {
    var kept = new ArrayList<Event>(events.size());
    boolean ordered = true;
    Event previous = null;
    for (Event event : events) {
      if (event.occurredAt().isAfter(asOf)) {
        continue;
      }
      if (previous != null && ordered && Event.ORDER.compare(previous, event) > 0) {
        ordered = false;
      }
      kept.add(event);
      previous = event;
    }
    if (!ordered) {
      kept.sort(Event.ORDER);
    }
    return kept;
  }

  /** Builds the LeadScore from fit rules, the rules' contributions and topic interests. */
  LeadScore result(
      Contact contact,
      Instant asOf,
      List<LeadScore.Contribution> engagement,
      List<LeadScore.TopicInterest> topics) {
    var breakdown = new ArrayList<LeadScore.Contribution>(model.fit().size() + engagement.size());
    double fit = 0;
    for (FitRule rule : model.fit()) {
      if (rule.when().holds(contact.attributes(), contact.tags())) {
        fit += rule.points();
        breakdown.add(new LeadScore.Contribution(rule.id(), LeadScore.Kind.FIT, 1, rule.points()));
      }
    }
    double engaged = 0;
    for (LeadScore.Contribution contribution : engagement) {
      engaged += contribution.points();
      breakdown.add(contribution);
    }
    double score = model.scale().clamp(fit + engaged);
    return new LeadScore(
        model.id(), asOf, score, fit, engaged, tierFor(score), gradeFor(fit), topics, breakdown);
  }

  private String tierFor(double score) {
    List<Tier> tiers = model.tiers();
    if (tiers.isEmpty()) {
      return null;
    }
    Tier chosen = tiers.getFirst();
    for (Tier tier : tiers) {
      if (tier.from() <= score) {
        chosen = tier;
      }
    }
    return chosen.id();
  }

  private String gradeFor(double fit) {
    List<Grade> grades = model.grades();
    if (grades.isEmpty()) {
      return null;
    }
    Grade chosen = grades.getFirst();
    for (Grade grade : grades) {
      if (grade.from() <= fit) {
        chosen = grade;
      }
    }
    return chosen.id();
  }
}
