package io.leadscore.application.scoring;

import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.DocumentReader;
import io.leadscore.application.port.out.ModelDocument;
import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.port.out.ModelVersion;
import io.leadscore.application.port.out.StoredModel;
import io.leadscore.domain.engine.CompiledModel;
import io.leadscore.domain.engine.ScoringEngine;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.reading.ModelReader;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.Read;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads model documents into compiled models, and caches the compiled form of published versions (a
 * version never changes, so the cache is never stale; it holds the 256 most recently used).
 * Thread-safe.
 */
public final class LiveModels {
  private static final int CACHE_SIZE = 256;

  /**
   * A compiled published version of a model, with its decay horizon (both made once per version).
   */
  public record Live(String modelId, int version, CompiledModel compiled, DecayHorizon horizon) {}

  private record VersionKey(String workspace, String modelId, int version) {}

  private final ModelRepository models;
  private final DocumentReader documents;
  private final Map<VersionKey, Live> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<VersionKey, Live> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  public LiveModels(ModelRepository models, DocumentReader documents) {
    this.models = models;
    this.documents = documents;
  }

  /** The number of the model's live version (one small query, nothing compiled); empty if none. */
  public Optional<Integer> liveVersion(String workspace, String modelId) {
    return models.liveVersion(workspace, modelId).filter(version -> version > 0);
  }

  /** The live version of a model, compiled. */
  public Optional<Live> live(String workspace, String modelId) {
    return models
        .liveVersion(workspace, modelId)
        .filter(version -> version > 0)
        .flatMap(version -> liveAt(workspace, modelId, version));
  }

  /**
   * The live version of a model, or NotFoundException naming what is missing. On the hot path
   * (every score read) this is one small query; the documents are loaded only to compile a version
   * not cached yet.
   */
  public Live requireLive(String workspace, String modelId) {
    int version =
        models
            .liveVersion(workspace, modelId)
            .orElseThrow(() -> new NotFoundException("model", modelId));
    return (version == 0 ? Optional.<Live>empty() : liveAt(workspace, modelId, version))
        .orElseThrow(() -> new NotFoundException("published version of model", modelId));
  }

  /** Version {@code version} from the cache, or the model's live one loaded and compiled. */
  private Optional<Live> liveAt(String workspace, String modelId, int version) {
    Live cached = cached(new VersionKey(workspace, modelId, version));
    if (cached != null) {
      return Optional.of(cached);
    }
    return models.find(workspace, modelId).flatMap(model -> live(workspace, model));
  }

  private Live cached(VersionKey key) {
    synchronized (cache) {
      return cache.get(key);
    }
  }

  /** Every live model of the workspace, compiled. */
  public List<Live> allLive(String workspace) {
    var live = new ArrayList<Live>();
    for (StoredModel model : models.list(workspace)) {
      live(workspace, model).ifPresent(live::add);
    }
    return live;
  }

  private Optional<Live> live(String workspace, StoredModel model) {
    return model.live().map(version -> compiled(workspace, model.id(), version));
  }

  private Live compiled(String workspace, String modelId, ModelVersion version) {
    var key = new VersionKey(workspace, modelId, version.number());
    synchronized (cache) {
      Live cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    ScoringModel model = read(version.document(), modelId);
    var live =
        new Live(modelId, version.number(), ScoringEngine.compile(model), new DecayHorizon(model));
    synchronized (cache) {
      cache.put(key, live);
    }
    return live;
  }

  /**
   * Reads and validates a model document whose id must be {@code modelId}.
   *
   * @throws InvalidInputException with every problem
   */
  public ScoringModel read(ModelDocument document, String modelId) {
    Object tree = documents.read(document);
    switch (ModelReader.read(tree)) {
      case Read.Invalid<ScoringModel>(List<Problem> problems) ->
          throw new InvalidInputException("invalid model", problems);
      case Read.Valid<ScoringModel>(ScoringModel model) -> {
        if (!model.id().equals(modelId)) {
          throw InvalidInputException.at(
              "id", "must be the model id in the path, " + modelId + ", was " + model.id());
        }
        return model;
      }
    }
  }
}
