package io.leadscore.domain.engine;

import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.rule.EngagementRule;
import io.leadscore.domain.model.rule.Limit;
import io.leadscore.domain.model.rule.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One engagement rule evaluated in a single pass over a whole history that arrives in order, for
 * one {@code asOf} known up front (scoring-model.md, Semantics 2 and "Count, then limit"). Each
 * kept award's decayed points are added as it is decided, so nothing per event is stored: memory is
 * bounded by the rule's {@code atLeast} and {@code times}, not by the history. {@link RuleRun} is
 * the incremental twin that must agree with it (a tested property). The rule's trigger and limit
 * are unpacked once into fields, because this runs per event.
 */
final class RuleTally {
  private final EngagementRule rule;
  private final Instant asOf;
  private final Condition where; // null when the rule has no where: every event passes
  private final Duration countWithin; // null for a rule without count
  private final RecentTimes recentMatches; // the last atLeast matches, for count rules
  private final int keepAtMost; // Limit.Times; MAX_VALUE otherwise
  private final Duration keptPer; // Limit.TimesPer's window, else null
  private final RecentTimes recentKept; // the last `times` kept awards, for TimesPer
  private Instant lastCountAward;
  private int awards;
  private double points;

  RuleTally(EngagementRule rule, Instant asOf) {
    this.rule = rule;
    this.asOf = asOf;
    this.where = rule.where() instanceof Condition.Always ? null : rule.where();
    switch (rule.trigger()) {
      case Trigger.EachEvent each -> {
        countWithin = null;
        recentMatches = null;
      }
      case Trigger.Count count -> {
        countWithin = count.within();
        recentMatches = new RecentTimes(count.atLeast());
      }
    }
    switch (rule.limit()) {
      case Limit.Unlimited unlimited -> {
        keepAtMost = Integer.MAX_VALUE;
        keptPer = null;
        recentKept = null;
      }
      case Limit.Times times -> {
        keepAtMost = times.times();
        keptPer = null;
        recentKept = null;
      }
      case Limit.TimesPer per -> {
        keepAtMost = Integer.MAX_VALUE;
        keptPer = per.per();
        recentKept = new RecentTimes(per.times());
      }
    }
  }

  /** Whether an event with these properties passes the rule's {@code where}. */
  boolean accepts(
      Map<String, io.leadscore.domain.model.condition.Value> properties,
      io.leadscore.domain.model.condition.RegexBudget budget) {
    return where == null || where.holds(properties, CompiledModel.NO_TAGS, budget);
  }

  /**
   * Offers the next matching event's instant, no earlier than any offered before. Kept small so the
   * JIT inlines it into the event loop; the rarer count and per-window steps are apart.
   */
  void offer(Instant at) {
    if ((countWithin == null || countAwards(at))
        && awards < keepAtMost
        && (keptPer == null || keepWithinPer(at))) {
      award(at);
    }
  }

  private boolean keepWithinPer(Instant at) {
    if (recentKept.full() && Instants.inWindow(recentKept.oldest(), at, keptPer)) {
      return false;
    }
    recentKept.add(at);
    return true;
  }

  private void award(Instant at) {
    awards++;
    points +=
        rule.decay()
            .apply(
                rule.points(), Instants.secondsBetween(at, asOf), Instants.nanosBetween(at, asOf));
  }

  private boolean countAwards(Instant at) {
    recentMatches.add(at);
    if (!recentMatches.full() || !Instants.inWindow(recentMatches.oldest(), at, countWithin)) {
      return false;
    }
    if (lastCountAward != null && Instants.inWindow(lastCountAward, at, countWithin)) {
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
