package io.leadscore.domain.reading;

import io.leadscore.domain.model.ScoringModel;

/**
 * Reads a scoring model from a generic tree (scoring-model.md, "Validation"): the model, or
 * every problem with its path. Never throws on any input tree.
 */
public final class ModelReader {
  private ModelReader() {}

  /** Reads a model from a tree of Map/List/String/Number/Boolean/null as JSON or YAML give. */
  public static Read<ScoringModel> read(Object tree) {
    throw new UnsupportedOperationException("stub: being implemented");
  }
}
