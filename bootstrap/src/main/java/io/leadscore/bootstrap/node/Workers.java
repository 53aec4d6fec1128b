package io.leadscore.bootstrap.node;

import io.leadscore.application.logging.LogSafe;
import io.leadscore.application.port.in.RefreshScoresUseCase;
import io.leadscore.application.port.in.RunJobsUseCase;
import io.leadscore.application.port.out.StorageUnavailableException;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's share of the background work (http-api.md, "Scores on read and on the leaderboard"
 * and "Running past one machine"): refreshing scores marked by writes, running queued jobs,
 * sweeping decay (default every 15 minutes). Each kind runs on its own thread at a fixed delay and
 * drains what is due; the work itself is claimed through the database, so any number of nodes can
 * run workers side by side. A failing round is logged and the next one tries again.
 *
 * <p>{@link #stop} lets the rounds in progress finish. Thread-safe.
 */
public final class Workers {
  private static final Logger LOG = LoggerFactory.getLogger(Workers.class);
  // refresh transactions hold their claimed marks locked; smaller ones keep writes that mark the
  // same contacts from waiting long (lock_timeout) on a busy database
  private static final int BATCH = 200;

  private final LeadscoreConfig.Workers config;
  private final RefreshScoresUseCase refresh;
  private final RunJobsUseCase jobs;
  private ScheduledExecutorService scheduler;
  private final java.util.List<Task> extra = new java.util.ArrayList<>();

  public Workers(
      LeadscoreConfig.Workers config, RefreshScoresUseCase refresh, RunJobsUseCase jobs) {
    this.config = config;
    this.refresh = refresh;
    this.jobs = jobs;
  }

  /**
   * Background work beyond the built-in kinds (webhook delivery, scheduled syncs).
   *
   * @param threads how many rounds of it run side by side (each on its own thread): webhook
   *     delivery runs several, so a receiver that stalls holds one thread, not all delivery
   */
  public record Task(String name, Duration every, IntSupplier round, int threads) {
    public Task {
      if (threads < 1) {
        throw new IllegalArgumentException("threads: must be at least 1, was " + threads);
      }
    }

    /** Work that runs on one thread. */
    public Task(String name, Duration every, IntSupplier round) {
      this(name, every, round, 1);
    }
  }

  /** Adds a kind of work; call before {@link #start()}. */
  public void add(Task task) {
    extra.add(task);
  }

  /** Starts every kind of work. */
  public void start() {
    int threads = 3 + extra.stream().mapToInt(Task::threads).sum();
    scheduler =
        Executors.newScheduledThreadPool(
            threads, Thread.ofPlatform().name("worker-", 0).daemon(true).factory());
    schedule(new Task("refresh", config.refresh(), () -> refresh.refresh(BATCH)));
    schedule(new Task("jobs", config.jobs(), () -> jobs.runNext() ? 1 : 0));
    schedule(new Task("decay-sweep", config.decaySweep(), () -> refresh.sweepDecay(BATCH)));
    extra.forEach(this::schedule);
    LOG.info(
        "background workers started: refresh, jobs, decay sweep every {}", config.decaySweep());
  }

  private void schedule(Task task) {
    long millis = task.every().toMillis();
    for (int i = 0; i < task.threads(); i++) {
      scheduler.scheduleWithFixedDelay(() -> drain(task), millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Runs rounds until one finds nothing to do (so a backlog drains without waiting). */
  private void drain(Task task) {
    try {
      int done;
      do {
        done = task.round().getAsInt();
      } while (done > 0 && !scheduler.isShutdown());
    } catch (StorageUnavailableException e) {
      LOG.warn(
          "{}: database unavailable, retrying in {}: {}",
          task.name(),
          task.every(),
          LogSafe.classes(e));
    } catch (RuntimeException e) {
      // without messages: JDBI's carry bound values (secrets, e-mails)
      LOG.error("{}: round failed; the next one retries", task.name(), LogSafe.failure(e));
    }
  }

  /** Stops starting rounds and waits up to {@code timeout} for those in progress. */
  public void stop(Duration timeout) {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "background work still running after {}; leases let another node resume it", timeout);
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      scheduler.shutdownNow();
    }
  }
}
