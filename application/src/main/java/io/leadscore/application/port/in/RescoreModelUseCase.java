package io.leadscore.application.port.in;

import io.leadscore.application.port.out.Job;

/**
 * Re-scores every contact of a workspace under a model's live version on its full history,
 * streaming contacts and writing scores in batches; memory stays flat however many events there
 * are.
 *
 * @throws NotFoundException for a model without a live version
 */
public interface RescoreModelUseCase {
  /** Re-scores now, on this thread (the CLI's {@code rescore}); returns the finished job record. */
  Job rescore(String workspace, String modelId);
}
