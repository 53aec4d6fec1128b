package io.leadscore.application.port.in;

import io.leadscore.application.port.out.ModelDocument;
import java.time.Instant;
import java.util.Objects;

/**
 * Which draft to simulate: the stored draft, or {@code inline} when given (not stored), at {@code
 * asOf}.
 *
 * @param inline null to use the stored draft
 */
public record SimulateModelQuery(
    String workspace, String modelId, ModelDocument inline, Instant asOf) {
  public SimulateModelQuery {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(asOf, "asOf");
  }
}
