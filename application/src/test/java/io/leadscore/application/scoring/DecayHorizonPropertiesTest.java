package io.leadscore.application.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.engine.CompiledModel;
import io.leadscore.domain.engine.LeadScore;
import io.leadscore.domain.engine.ScoringEngine;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.Scale;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.Tier;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.rule.Decay;
import io.leadscore.domain.model.rule.EngagementRule;
import io.leadscore.domain.model.rule.EventTypes;
import io.leadscore.domain.model.rule.Limit;
import io.leadscore.domain.model.rule.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The decay sweep's schedule is safe: until {@link DecayHorizon#recheckAt} the engine gives the
 * same tier as at the instant the row was computed, for any mix of decays, signs and histories.
 */
class DecayHorizonPropertiesTest {
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  private static final ScoringModel MODEL =
      new ScoringModel(
          "m",
          "M",
          new Scale(0, 500),
          List.of(),
          List.of(
              rule("half", 12, "a.x", new Decay.HalfLife(Duration.ofDays(10))),
              rule("daily", 9, "b.x", new Decay.PerDay(1.5)),
              rule("expiring", 25, "c.x", new Decay.Expires(Duration.ofDays(20))),
              rule("penalty", -30, "d.x", new Decay.HalfLife(Duration.ofDays(5))),
              rule("steady", 7, "e.x", new Decay.None())),
          List.of(),
          List.of(new Tier("cold", 0), new Tier("warm", 40), new Tier("hot", 90)),
          List.of());
  private static final CompiledModel COMPILED = ScoringEngine.compile(MODEL);

  private static EngagementRule rule(String id, double points, String type, Decay decay) {
    return new EngagementRule(
        id,
        points,
        new EventTypes.Exactly(type),
        new Condition.Always(),
        new Trigger.EachEvent(),
        new Limit.Unlimited(),
        decay);
  }

  @Property(tries = 300)
  void until_the_recheck_the_tier_stays_what_it_was(
      @ForAll @Size(max = 25) List<@IntRange(min = 0, max = 4) Integer> types,
      @ForAll @Size(max = 25) List<@IntRange(min = 0, max = 60 * 24) Integer> hoursAgo,
      @ForAll @IntRange(min = 1, max = 1000) int probeSteps) {
    String[] names = {"a.x", "b.x", "c.x", "d.x", "e.x"};
    var events = new ArrayList<Event>();
    for (int i = 0; i < Math.min(types.size(), hoursAgo.size()); i++) {
      events.add(
          new Event(
              "k" + i,
              names[types.get(i)],
              NOW.minus(Duration.ofHours(hoursAgo.get(i))),
              Map.of()));
    }
    LeadScore now = COMPILED.score(Contact.EMPTY, events, NOW);
    Instant recheck = new DecayHorizon(MODEL).recheckAt(now, NOW);
    Instant until = recheck == null ? NOW.plus(Duration.ofDays(3000)) : recheck;
    long span = until.getEpochSecond() - NOW.getEpochSecond();
    for (int step = 1; step <= 40; step++) {
      Instant probe = NOW.plusSeconds(span * step / 40 * probeSteps / 1000);
      assertThat(COMPILED.score(Contact.EMPTY, events, probe).tier())
          .as("tier at %s, recheck at %s", probe, recheck)
          .isEqualTo(now.tier());
    }
  }
}
