/**
 * Background jobs: the {@link io.leadscore.application.job.JobHandler} each job kind implements
 * (re-score, later vendor syncs), run by {@code RunJobsService} under a lease.
 */
package io.leadscore.application.job;
