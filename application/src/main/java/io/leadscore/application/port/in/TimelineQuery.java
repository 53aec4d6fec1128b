package io.leadscore.application.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The score of a contact at {@code from}, {@code from + step}, ... up to and including {@code to}.
 */
public record TimelineQuery(
    String workspace, String contactId, String model, Instant from, Instant to, Duration step) {
  public TimelineQuery {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(step, "step");
  }
}
