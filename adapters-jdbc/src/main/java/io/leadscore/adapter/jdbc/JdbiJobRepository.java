package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.instant;
import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobRepository;
import io.leadscore.application.port.out.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Jobs in the {@code jobs} table, with the lease that makes one node at a time run each
 * (http-api.md, "Running past one machine").
 *
 * <p>A claim picks the oldest claimable job with {@code FOR UPDATE SKIP LOCKED}, so concurrent
 * claimers on other nodes pass over it rather than wait, and leases it in the same transaction. An
 * update names the owner in its {@code WHERE}: once another node has re-claimed an expired lease,
 * the old owner's updates change nothing and tell it to stop. Thread-safe.
 */
public final class JdbiJobRepository implements JobRepository {
  private static final String COLUMNS =
      """
      id, workspace_id, kind, subject, state, created_at, started_at, finished_at, done, total,
      counts, errors""";
  private static final String INSERT =
      """
      INSERT INTO jobs (id, workspace_id, kind, subject, state, created_at, started_at,
        finished_at, done, total, counts, errors)
      VALUES (:id, :workspace, :kind, :subject, :state, :createdAt, :startedAt,
        :finishedAt, :done, :total, :counts, :errors)
      """;
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM jobs WHERE workspace_id = :workspace AND id = :id";
  private static final String CLAIMABLE =
      "SELECT "
          + COLUMNS
          + """
           FROM jobs
          WHERE state = 'queued' OR (state = 'running' AND lease_until <= :now)
          ORDER BY created_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED
          """;
  private static final String LEASE =
      """
      UPDATE jobs SET state = 'running', started_at = :startedAt, lease_owner = :owner,
        lease_until = :leaseUntil
      WHERE id = :id
      """;
  private static final String UPDATE =
      """
      UPDATE jobs SET state = :state, started_at = :startedAt, finished_at = :finishedAt,
        done = :done, total = :total, counts = :counts, errors = :errors,
        lease_until = :leaseUntil
      WHERE id = :id AND workspace_id = :workspace AND lease_owner = :owner
      """;

  private static final RowMapper<Job> JOB =
      (row, context) ->
          new Job(
              row.getString("id"),
              row.getString("workspace_id"),
              row.getString("kind"),
              row.getString("subject"),
              JobState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
              instant(row, "created_at"),
              instant(row, "started_at"),
              instant(row, "finished_at"),
              row.getLong("done"),
              row.getLong("total"),
              JsonCodec.counts(row.getString("counts")),
              JsonCodec.strings(row.getString("errors")));

  private final JdbiTransactions transactions;

  /** Jobs through these transactions. */
  public JdbiJobRepository(JdbiTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void enqueue(Job job) {
    transactions.withHandle(
        handle ->
            handle
                .createUpdate(INSERT)
                .bind("id", job.id())
                .bind("workspace", job.workspace())
                .bind("kind", job.kind())
                .bind("subject", job.subject())
                .bind("state", job.state().wireName())
                .bind("createdAt", timestamp(job.createdAt()))
                .bind("startedAt", timestamp(job.startedAt()))
                .bind("finishedAt", timestamp(job.finishedAt()))
                .bind("done", job.done())
                .bind("total", job.total())
                .bind("counts", JsonCodec.counts(job.counts()))
                .bind("errors", JsonCodec.strings(job.errors()))
                .execute());
  }

  @Override
  public Optional<Job> find(String workspace, String jobId) {
    return transactions.withHandle(
        handle ->
            handle
                .createQuery(FIND)
                .bind("workspace", workspace)
                .bind("id", jobId)
                .map(JOB)
                .findOne());
  }

  /**
   * {@inheritDoc}
   *
   * <p>A re-claimed job keeps the time it was first started.
   */
  @Override
  public Optional<Job> claim(String owner, Instant now, Duration lease) {
    return transactions.transactionally(
        handle -> {
          Optional<Job> claimable =
              handle.createQuery(CLAIMABLE).bind("now", timestamp(now)).map(JOB).findOne();
          if (claimable.isEmpty()) {
            return Optional.<Job>empty();
          }
          Job job = claimable.get();
          Instant startedAt = job.startedAt() != null ? job.startedAt() : Columns.stored(now);
          handle
              .createUpdate(LEASE)
              .bind("id", job.id())
              .bind("startedAt", timestamp(startedAt))
              .bind("owner", owner)
              .bind("leaseUntil", timestamp(now.plus(lease)))
              .execute();
          return Optional.of(
              new Job(
                  job.id(),
                  job.workspace(),
                  job.kind(),
                  job.subject(),
                  JobState.RUNNING,
                  job.createdAt(),
                  startedAt,
                  job.finishedAt(),
                  job.done(),
                  job.total(),
                  job.counts(),
                  job.errors()));
        });
  }

  @Override
  public boolean update(Job job, String owner, Instant leaseUntil) {
    return transactions.withHandle(
            handle ->
                handle
                    .createUpdate(UPDATE)
                    .bind("id", job.id())
                    .bind("workspace", job.workspace())
                    .bind("owner", owner)
                    .bind("state", job.state().wireName())
                    .bind("startedAt", timestamp(job.startedAt()))
                    .bind("finishedAt", timestamp(job.finishedAt()))
                    .bind("done", job.done())
                    .bind("total", job.total())
                    .bind("counts", JsonCodec.counts(job.counts()))
                    .bind("errors", JsonCodec.strings(job.errors()))
                    .bind("leaseUntil", timestamp(leaseUntil))
                    .execute())
        == 1;
  }
}
