package io.leadscore.application.service;

import io.leadscore.application.port.in.GetJobUseCase;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobRepository;

/** Reads a job of the workspace. */
public final class GetJobService implements GetJobUseCase {
  private final JobRepository jobs;

  public GetJobService(JobRepository jobs) {
    this.jobs = jobs;
  }

  @Override
  public Job get(String workspace, String jobId) {
    return jobs.find(workspace, jobId).orElseThrow(() -> new NotFoundException("job", jobId));
  }
}
