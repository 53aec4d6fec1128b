package io.leadscore.application.port.in;

import io.leadscore.application.port.out.Job;

/**
 * A job of the workspace with its progress, counts and errors.
 *
 * @throws NotFoundException when the workspace has no such job
 */
public interface GetJobUseCase {
  Job get(String workspace, String jobId);
}
