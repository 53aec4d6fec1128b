package io.leadscore.domain.engine;

import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.rule.EngagementRule;
import io.leadscore.domain.model.rule.Limit;
import io.leadscore.domain.model.rule.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One engagement rule's running state over one contact's history (scoring-model.md, Semantics 2
 * and "Count, then limit"): the rule's matching events in {@code (occurredAt, eventKey)} order
 * and the awards it keeps. Appending the newest event costs O(1) amortised; an event that
 * arrives out of order replays this rule's matching events, which keeps every decision exactly
 * what whole-history evaluation would make. Not thread-safe.
 */
final class RuleRun {
  private final EngagementRule rule;
  private final List<Event> matches = new ArrayList<>();
  private final List<Instant> kept = new ArrayList<>();
  // count trigger: index of the first match inside (t - within, t], time of the count's last award
  private int countWindowStart;
  private Instant lastCountAward;
  // limit per window: index of the first kept award inside (t - per, t]
  private int keptWindowStart;

  RuleRun(EngagementRule rule) {
    this.rule = rule;
  }

  EngagementRule rule() {
    return rule;
  }

  /** Adds an event known to come after every event already added (whole-history evaluation). */
  void append(Event event) {
    matches.add(event);
    decide(matches.size() - 1);
  }

  /** Adds an event arriving in any order; an event equal in (occurredAt, eventKey) is ignored. */
  void insert(Event event) {
    int size = matches.size();
    if (size == 0 || Event.ORDER.compare(matches.get(size - 1), event) < 0) {
      append(event);
      return;
    }
    int found = Collections.binarySearch(matches, event, Event.ORDER);
    if (found >= 0) {
      return;
    }
    matches.add(-found - 1, event);
    replay();
  }

  private void replay() {
    kept.clear();
    countWindowStart = 0;
    lastCountAward = null;
    keptWindowStart = 0;
    for (int index = 0; index < matches.size(); index++) {
      decide(index);
    }
  }

  /** Decides whether the match at {@code index} (the newest considered so far) yields a kept award. */
  private void decide(int index) {
    Instant at = matches.get(index).occurredAt();
    boolean awarded =
        switch (rule.trigger()) {
          case Trigger.EachEvent each -> true;
          case Trigger.Count count -> countAwards(index, at, count);
        };
    if (!awarded) {
      return;
    }
    boolean keep =
        switch (rule.limit()) {
          case Limit.Unlimited unlimited -> true;
          case Limit.Times times -> kept.size() < times.times();
          case Limit.TimesPer timesPer -> keptInWindow(at, timesPer.per()) < timesPer.times();
        };
    if (keep) {
      kept.add(at);
    }
  }

  private boolean countAwards(int index, Instant at, Trigger.Count count) {
    Instant windowOpen = at.minus(count.within());
    while (!matches.get(countWindowStart).occurredAt().isAfter(windowOpen)) {
      countWindowStart++;
    }
    int inWindow = index + 1 - countWindowStart;
    if (inWindow < count.atLeast()) {
      return false;
    }
    if (lastCountAward != null && lastCountAward.isAfter(windowOpen)) {
      return false;
    }
    lastCountAward = at;
    return true;
  }

  private int keptInWindow(Instant at, Duration per) {
    Instant windowOpen = at.minus(per);
    while (keptWindowStart < kept.size() && !kept.get(keptWindowStart).isAfter(windowOpen)) {
      keptWindowStart++;
    }
    return kept.size() - keptWindowStart;
  }

  /**
   * This rule's contribution at {@code asOf}: the kept awards at or before {@code asOf} and the
   * sum of their decayed points, summed in event order. Null when no award is kept by then.
   */
  LeadScore.Contribution contributionAt(Instant asOf) {
    int awards = 0;
    double points = 0;
    for (Instant awardedAt : kept) {
      if (awardedAt.isAfter(asOf)) {
        break;
      }
      awards++;
      points += rule.decay().apply(rule.points(), Duration.between(awardedAt, asOf));
    }
    return awards == 0
        ? null
        : new LeadScore.Contribution(rule.id(), LeadScore.Kind.ENGAGEMENT, awards, points);
  }
}
