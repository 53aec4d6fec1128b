/**
 * Background jobs: the {@link io.leadscore.application.job.JobHandler} each job kind implements
 * (re-score, vendor syncs), run by {@code RunJobsService} under a lease. Handlers use {@code
 * port.out}, {@code scoring} and {@code ingest}, never services.
 */
package io.leadscore.application.job;
