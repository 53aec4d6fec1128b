package io.leadscore.application.port.in;

import io.leadscore.application.port.out.ModelDocument;
import java.util.Objects;

/** A model's new draft, as its author wrote it; its {@code id} must be {@code modelId}. */
public record SaveModelDraftCommand(String workspace, String modelId, ModelDocument document) {
  public SaveModelDraftCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(document, "document");
  }
}
