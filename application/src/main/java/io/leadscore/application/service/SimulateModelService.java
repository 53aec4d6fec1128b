package io.leadscore.application.service;

import io.leadscore.application.port.in.ConflictException;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.SimulateModelQuery;
import io.leadscore.application.port.in.SimulateModelUseCase;
import io.leadscore.application.port.in.Simulation;
import io.leadscore.application.port.out.ContactHistory;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.ModelDocument;
import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.port.out.StoredModel;
import io.leadscore.application.scoring.LiveModels;
import io.leadscore.domain.engine.CompiledModel;
import io.leadscore.domain.engine.LeadScore;
import io.leadscore.domain.engine.ScoringEngine;
import io.leadscore.domain.model.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Simulates a draft beside the live version: streams every contact's history once, scores it with
 * both, and keeps tier counts, the move matrix and a bounded heap of the biggest movers. Read-only.
 */
public final class SimulateModelService implements SimulateModelUseCase {
  private final ModelRepository models;
  private final LiveModels liveModels;
  private final EventStore events;

  public SimulateModelService(ModelRepository models, LiveModels liveModels, EventStore events) {
    this.models = models;
    this.liveModels = liveModels;
    this.events = events;
  }

  private record Move(String from, String to) {}

  @Override
  public Simulation simulate(SimulateModelQuery query) {
    StoredModel stored =
        models
            .find(query.workspace(), query.modelId())
            .orElseThrow(() -> new NotFoundException("model", query.modelId()));
    ModelDocument document = query.inline() != null ? query.inline() : stored.draft();
    if (document == null) {
      throw new ConflictException(
          "model " + query.modelId() + " has no draft; save one or send it inline");
    }
    CompiledModel draft = ScoringEngine.compile(liveModels.read(document, query.modelId()));
    LiveModels.Live live = liveModels.live(query.workspace(), query.modelId()).orElse(null);
    List<Tier> beforeTiers = live == null ? List.of() : live.compiled().model().tiers();
    TierTally before = TierTally.ofTiers(beforeTiers);
    TierTally after = TierTally.ofTiers(draft.model().tiers());
    var moves = new LinkedHashMap<Move, long[]>();
    Comparator<Simulation.Mover> bySize = Comparator.comparingDouble(m -> Math.abs(m.change()));
    var movers = new PriorityQueue<Simulation.Mover>(bySize);
    long contacts = 0;
    try (Stream<ContactHistory> histories = events.histories(query.workspace())) {
      for (ContactHistory history : (Iterable<ContactHistory>) histories::iterator) {
        contacts++;
        var profile = history.contact().profile();
        LeadScore then =
            live == null ? null : live.compiled().score(profile, history.events(), query.asOf());
        LeadScore now = draft.score(profile, history.events(), query.asOf());
        String fromTier = then == null ? null : then.tier();
        before.add(fromTier);
        after.add(now.tier());
        if (!Objects.equals(fromTier, now.tier())) {
          moves.computeIfAbsent(new Move(fromTier, now.tier()), key -> new long[1])[0]++;
        }
        double change = now.score() - (then == null ? 0 : then.score());
        if (change != 0) {
          movers.add(new Simulation.Mover(history.contact().id(), then, now, change));
          if (movers.size() > BIGGEST_MOVERS) {
            movers.poll();
          }
        }
      }
    }
    var biggest = new ArrayList<>(movers);
    biggest.sort(bySize.reversed().thenComparing(Simulation.Mover::contactId));
    var moveList = new ArrayList<Simulation.TierMove>();
    for (Map.Entry<Move, long[]> move : moves.entrySet()) {
      moveList.add(
          new Simulation.TierMove(move.getKey().from(), move.getKey().to(), move.getValue()[0]));
    }
    return new Simulation(
        query.modelId(),
        live == null ? 0 : live.version(),
        query.asOf(),
        contacts,
        before.tiers(),
        after.tiers(),
        moveList,
        biggest);
  }
}
