package io.leadscore.domain.engine;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.Grade;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.Tier;
import io.leadscore.domain.model.Topic;
import io.leadscore.domain.model.condition.Value;
import io.leadscore.domain.model.rule.EngagementRule;
import io.leadscore.domain.model.rule.FitRule;
import io.leadscore.domain.model.rule.Limit;
import io.leadscore.domain.model.rule.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The spec read literally, written independently of the engine: for every rule it re-filters
 * all events and re-counts every window from scratch (quadratic). It is the test oracle the
 * engine is checked against, and baseline (b) of the engine-score benchmark (quality.md).
 */
public final class NaiveScorer {
  private NaiveScorer() {}

  public static LeadScore score(
      ScoringModel model, Contact contact, Collection<Event> events, Instant asOf) {
    List<Event> history = new ArrayList<>();
    for (Event event : events) {
      if (!event.occurredAt().isAfter(asOf)) {
        history.add(event);
      }
    }
    history.sort(Event.ORDER);

    var breakdown = new ArrayList<LeadScore.Contribution>();
    double fit = 0;
    for (FitRule rule : model.fit()) {
      if (rule.when().holds(contact.attributes(), contact.tags())) {
        fit += rule.points();
        breakdown.add(new LeadScore.Contribution(rule.id(), LeadScore.Kind.FIT, 1, rule.points()));
      }
    }
    double engagement = 0;
    for (EngagementRule rule : model.engagement()) {
      List<Instant> kept = keptAwards(rule, matching(rule, history));
      if (kept.isEmpty()) {
        continue;
      }
      double points = 0;
      for (Instant at : kept) {
        points += rule.decay().apply(rule.points(), Duration.between(at, asOf));
      }
      engagement += points;
      breakdown.add(
          new LeadScore.Contribution(rule.id(), LeadScore.Kind.ENGAGEMENT, kept.size(), points));
    }
    double score = Math.min(model.scale().cap(), Math.max(model.scale().floor(), fit + engagement));

    var topics = new ArrayList<LeadScore.TopicInterest>();
    for (Topic topic : model.topics()) {
      Set<String> items = new HashSet<>();
      for (Event event : history) {
        if (topic.on().matches(event.type()) && topic.where().holds(event.properties(), Set.of())) {
          Value value = event.properties().get(topic.distinct());
          if (value instanceof Value.Scalar scalar) {
            items.add(scalar.text());
          } else if (value instanceof Value.Many many) {
            many.values().forEach(element -> items.add(element.text()));
          }
        }
      }
      topics.add(new LeadScore.TopicInterest(topic.id(), items.size(), items.size() >= topic.interestedAt()));
    }
    return new LeadScore(
        model.id(), asOf, score, fit, engagement, tier(model.tiers(), score), grade(model.grades(), fit),
        topics, breakdown);
  }

  private static List<Event> matching(EngagementRule rule, List<Event> history) {
    var matching = new ArrayList<Event>();
    for (Event event : history) {
      if (rule.on().matches(event.type()) && rule.where().holds(event.properties(), Set.of())) {
        matching.add(event);
      }
    }
    return matching;
  }

  private static List<Instant> keptAwards(EngagementRule rule, List<Event> matching) {
    var awards = new ArrayList<Instant>();
    for (int i = 0; i < matching.size(); i++) {
      Instant t = matching.get(i).occurredAt();
      switch (rule.trigger()) {
        case Trigger.EachEvent each -> awards.add(t);
        case Trigger.Count count -> {
          Instant open = t.minus(count.within());
          int inWindow = 0;
          for (int j = 0; j <= i; j++) {
            if (matching.get(j).occurredAt().isAfter(open)) {
              inWindow++;
            }
          }
          boolean awardedInWindow = awards.stream().anyMatch(a -> a.isAfter(open));
          if (inWindow >= count.atLeast() && !awardedInWindow) {
            awards.add(t);
          }
        }
      }
    }
    var kept = new ArrayList<Instant>();
    for (Instant t : awards) {
      boolean keep =
          switch (rule.limit()) {
            case Limit.Unlimited unlimited -> true;
            case Limit.Times times -> kept.size() < times.times();
            case Limit.TimesPer per -> {
              Instant open = t.minus(per.per());
              yield kept.stream().filter(k -> k.isAfter(open)).count() < per.times();
            }
          };
      if (keep) {
        kept.add(t);
      }
    }
    return kept;
  }

  private static String tier(List<Tier> tiers, double score) {
    String chosen = tiers.isEmpty() ? null : tiers.getFirst().id();
    for (Tier tier : tiers) {
      if (tier.from() <= score) {
        chosen = tier.id();
      }
    }
    return chosen;
  }

  private static String grade(List<Grade> grades, double fit) {
    String chosen = grades.isEmpty() ? null : grades.getFirst().id();
    for (Grade grade : grades) {
      if (grade.from() <= fit) {
        chosen = grade.id();
      }
    }
    return chosen;
  }
}
