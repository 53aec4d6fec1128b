package io.leadscore.domain.engine;

import io.leadscore.domain.model.rule.EngagementRule;
import io.leadscore.domain.model.rule.Limit;
import io.leadscore.domain.model.rule.Trigger;
import java.time.Instant;

/**
 * One engagement rule evaluated in a single pass over a whole history that arrives in order, for
 * one {@code asOf} known up front (scoring-model.md, Semantics 2 and "Count, then limit"). Each
 * kept award's decayed points are added as it is decided, so nothing per event is stored: memory is
 * bounded by the rule's {@code atLeast} and {@code times}, not by the history. {@link RuleRun} is
 * the incremental twin that must agree with it (a tested property).
 */
final class RuleTally {
  private final EngagementRule rule;
  private final Instant asOf;
  private final RecentTimes recentMatches;
  private final RecentTimes recentKept;
  private Instant lastCountAward;
  private int awards;
  private double points;

  RuleTally(EngagementRule rule, Instant asOf) {
    this.rule = rule;
    this.asOf = asOf;
    this.recentMatches =
        rule.trigger() instanceof Trigger.Count count ? new RecentTimes(count.atLeast()) : null;
    this.recentKept =
        rule.limit() instanceof Limit.TimesPer per ? new RecentTimes(per.times()) : null;
  }

  EngagementRule rule() {
    return rule;
  }

  /** Offers the next matching event's instant, no earlier than any offered before. */
  void offer(Instant at) {
    boolean awarded =
        switch (rule.trigger()) {
          case Trigger.EachEvent each -> true;
          case Trigger.Count count -> countAwards(at, count);
        };
    if (!awarded) {
      return;
    }
    boolean keep =
        switch (rule.limit()) {
          case Limit.Unlimited unlimited -> true;
          case Limit.Times times -> awards < times.times();
          case Limit.TimesPer per ->
              !recentKept.full() || !Instants.inWindow(recentKept.oldest(), at, per.per());
        };
    if (keep) {
      if (recentKept != null) {
        recentKept.add(at);
      }
      awards++;
      points +=
          rule.decay()
              .apply(
                  rule.points(),
                  Instants.secondsBetween(at, asOf),
                  Instants.nanosBetween(at, asOf));
    }
  }

  private boolean countAwards(Instant at, Trigger.Count count) {
    recentMatches.add(at);
    if (!recentMatches.full() || !Instants.inWindow(recentMatches.oldest(), at, count.within())) {
      return false;
    }
    if (lastCountAward != null && Instants.inWindow(lastCountAward, at, count.within())) {
      return false;
    }
    lastCountAward = at;
    return true;
  }

  /** The rule's contribution, or null when it kept no award. */
  LeadScore.Contribution contribution() {
    return awards == 0
        ? null
        : new LeadScore.Contribution(rule.id(), LeadScore.Kind.ENGAGEMENT, awards, points);
  }
}
