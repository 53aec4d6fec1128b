package io.leadscore.benchmarks;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.engine.ContactScoreState;
import io.leadscore.domain.engine.LeadScore;
import io.leadscore.domain.engine.ScoringEngine;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The incremental engine: one new event folded into a {@link ContactScoreState} that already holds
 * 200 events, then {@code scoreAt}, which is what ingest does per event. {@code arrival} chooses
 * the new event: {@code newest} (appended after all others, the common case) or {@code middle} (a
 * late event whose {@code occurredAt} falls in the middle of the history, as after a vendor
 * back-fill). Baselines in the same run: {@code scoreOnly} (scoreAt on the held state, no fold) and
 * {@code refoldAll} (what re-scoring without the state costs: a new state fed all 201 events, then
 * scoreAt) and {@code engineAll} ({@link ScoringEngine#score} on the 201).
 *
 * <p>How the mutation is measured honestly: {@code fold} changes the state, and the state offers no
 * copy, so every invocation needs a state that holds exactly the 200 events. {@link Fresh} builds
 * one in {@code @Setup(Level.Invocation)}, which JMH runs outside the timed region; only {@code
 * fold + scoreAt} is timed. The set-up (200 folds) costs far more than the timed part, so
 * iterations collect fewer samples and each sample carries JMH's per-invocation timestamp cost
 * (tens of ns, small beside microseconds); the state is also cache-hot, as it would be right after
 * being loaded for the event. A pool of pre-built states was rejected: its size would have to
 * exceed the unknown number of invocations per iteration, or states would be re-used (and grow),
 * which measures something else.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Duser.timezone=UTC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IncrementalFoldBenchmark {

  /** Events the state holds before the measured fold. */
  static final int HELD = 200;

  /** The model, the contact and the 201 events, split into the 200 held and the one to fold. */
  @State(Scope.Benchmark)
  public static class History {
    /** Which event arrives last: {@code newest} or {@code middle}. */
    @Param({"newest", "middle"})
    public String arrival;

    ScoringModel model;
    Contact contact;
    List<Event> all;
    List<Event> held;
    Event arriving;
    ContactScoreState holding;

    @Setup
    public void setUp() {
      model = EngineFixtures.aModel();
      contact = EngineFixtures.aContact();
      all = EngineFixtures.events(HELD + 1, EngineFixtures.SEED);
      int index =
          switch (arrival) {
            case "newest" -> HELD;
            case "middle" -> HELD / 2;
            default ->
                throw new IllegalArgumentException("arrival: newest or middle, was " + arrival);
          };
      var rest = new ArrayList<>(all);
      arriving = rest.remove(index);
      // The held events were ingested in arrival order, not necessarily sorted.
      held = EngineFixtures.shuffled(rest, EngineFixtures.SEED);
      holding = stateOf(model, held);
    }
  }

  /** A state holding exactly the 200 held events, rebuilt before every invocation (not timed). */
  @State(Scope.Thread)
  public static class Fresh {
    ContactScoreState state;

    @Setup(Level.Invocation)
    public void setUp(History history) {
      state = stateOf(history.model, history.held);
    }
  }

  /** Fold the arriving event into a state holding 200, then score: the per-event ingest cost. */
  @Benchmark
  public LeadScore foldAndScore(History history, Fresh fresh) {
    fresh.state.fold(history.arriving);
    return fresh.state.scoreAt(history.contact, EngineFixtures.AS_OF);
  }

  /** Baseline: scoreAt on a state holding the 200 events, without a fold (read path). */
  @Benchmark
  public LeadScore scoreOnly(History history) {
    return history.holding.scoreAt(history.contact, EngineFixtures.AS_OF);
  }

  /**
   * Baseline: rebuild the state from all 201 events, then score (re-score without keeping state).
   */
  @Benchmark
  public LeadScore refoldAll(History history) {
    return stateOf(history.model, history.all).scoreAt(history.contact, EngineFixtures.AS_OF);
  }

  /** Baseline: the retroactive engine on the 201 sorted events. */
  @Benchmark
  public LeadScore engineAll(History history) {
    return ScoringEngine.score(history.model, history.contact, history.all, EngineFixtures.AS_OF);
  }

  static ContactScoreState stateOf(ScoringModel model, List<Event> events) {
    var state = new ContactScoreState(model);
    for (Event event : events) {
      state.fold(event);
    }
    return state;
  }
}
