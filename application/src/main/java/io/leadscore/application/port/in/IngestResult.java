package io.leadscore.application.port.in;

import io.leadscore.domain.reading.Problem;
import java.util.List;

/**
 * What happened to a batch: how many events were stored, how many were already stored (same
 * eventKey), and each rejected event by its index with every problem.
 */
public record IngestResult(int accepted, int duplicates, List<RejectedEvent> rejected) {
  public IngestResult {
    rejected = List.copyOf(rejected);
  }

  /** An event that was not stored, by its index in the batch, with every problem found. */
  public record RejectedEvent(int index, List<Problem> errors) {
    public RejectedEvent {
      errors = List.copyOf(errors);
    }
  }
}
