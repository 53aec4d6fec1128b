package io.leadscore.benchmarks;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.engine.CompiledModel;
import io.leadscore.domain.engine.LeadScore;
import io.leadscore.domain.engine.NaiveScorer;
import io.leadscore.domain.engine.ScoringEngine;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * quality.md, row {@code engine-score}: time and allocation of {@link ScoringEngine#score} on one
 * contact's history of {@code events} events under the 20-rule fixture model, beside two baselines
 * in the same run: (a) the plain loop a user would write (points by event type, summed) and (b)
 * {@link NaiveScorer}, the spec read literally. Goals: 200 events under 20 us; at least 3x faster
 * than (b) at 10k events; bytes/op ({@code -prof gc}) growing with rules, not events.
 *
 * <p>The history is the sorted list the event store hands the engine; it is built once per trial,
 * so only scoring is measured. Defaults are modest and can be overridden ({@code -wi -i -w -r}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Duser.timezone=UTC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class EngineScoreBenchmark {

  /** Length of the contact's history. */
  @Param({"10", "100", "200", "1000", "10000"})
  public int events;

  ScoringModel model;
  CompiledModel compiled;
  Contact contact;
  List<Event> history;
  Map<String, Double> pointsByType;

  @Setup
  public void setUp() {
    model = EngineFixtures.aModel();
    contact = EngineFixtures.aContact();
    history = EngineFixtures.events(events, EngineFixtures.SEED);
    pointsByType = EngineFixtures.pointsByType(model);
    compiled = ScoringEngine.compile(model);
  }

  /** The engine under test, through its public entry point (compiles the model on every call). */
  @Benchmark
  public LeadScore engine() {
    return ScoringEngine.score(model, contact, history, EngineFixtures.AS_OF);
  }

  /**
   * The engine with the model compiled once, as a re-score of many contacts uses it: the difference
   * to {@link #engine()} is the per-call cost of compiling the model.
   */
  @Benchmark
  public LeadScore engineCompiled() {
    return compiled.score(contact, history, EngineFixtures.AS_OF);
  }

  /**
   * Baseline (a): the simplest loop a user would write, one map look-up per event. No where, count,
   * limit, decay, clamp, tiers or topics: the floor of what any scorer must spend.
   */
  @Benchmark
  public double baselinePlainLoop() {
    double total = 0;
    for (Event event : history) {
      Double points = pointsByType.get(event.type());
      if (points != null) {
        total += points;
      }
    }
    return total;
  }

  /** Baseline (b): the naive scorer that re-filters every rule over all events. */
  @Benchmark
  public LeadScore baselineNaive() {
    return NaiveScorer.score(model, contact, history, EngineFixtures.AS_OF);
  }
}
