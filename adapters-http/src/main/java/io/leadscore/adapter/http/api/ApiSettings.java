package io.leadscore.adapter.http.api;

import java.time.Duration;

/**
 * How the API server runs (http-api.md, "Limits" and "When something is down").
 *
 * @param maxBodyBytes the largest request body accepted; beyond it, 413 (5 MiB by the spec)
 * @param maxThreads Jetty's request threads
 * @param maxConcurrentWrites ingest and contact writes running at once; beyond it, 429
 * @param maxInFlight requests of any kind running at once; beyond it, 503
 * @param idleTimeout how long a connection may send nothing (a stalled upload) before it is closed
 * @param stopTimeout how long a graceful stop waits for in-flight requests
 * @param retryAfter the {@code Retry-After} given with 429 and 503
 * @param maxConcurrentWritesPerWorkspace the share of {@code maxConcurrentWrites} one workspace may
 *     hold at once; beyond it, 429 (so one workspace cannot starve the others)
 * @param maxConcurrentHooks inbound hook deliveries (secret checked) read and stored at once;
 *     beyond it, 429; separate from the API's write slots
 * @param authFailureBudget failed authentications one client address may make in a burst, refilled
 *     at one a second; beyond it, 429 ({@link
 *     io.leadscore.adapter.http.auth.FailedAuthentications})
 */
public record ApiSettings(
    long maxBodyBytes,
    int maxThreads,
    int maxConcurrentWrites,
    int maxInFlight,
    Duration idleTimeout,
    Duration stopTimeout,
    Duration retryAfter,
    int maxConcurrentWritesPerWorkspace,
    int maxConcurrentHooks,
    int authFailureBudget) {

  /** The spec's 5 MiB body limit. */
  public static final long FIVE_MIB = 5L * 1024 * 1024;

  public ApiSettings {
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes: must be at least 1024");
    }
    if (maxThreads < 8) {
      throw new IllegalArgumentException("maxThreads: must be at least 8");
    }
    if (maxConcurrentWrites < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("maxConcurrentWrites, maxInFlight: must be positive");
    }
    if (maxConcurrentWritesPerWorkspace < 1
        || maxConcurrentWritesPerWorkspace > maxConcurrentWrites) {
      throw new IllegalArgumentException(
          "maxConcurrentWritesPerWorkspace: must be from 1 to maxConcurrentWrites");
    }
    if (maxConcurrentHooks < 1 || authFailureBudget < 1) {
      throw new IllegalArgumentException("maxConcurrentHooks, authFailureBudget: must be positive");
    }
  }

  /**
   * The defaults: 5 MiB bodies, 250 threads, 16 concurrent writes (8 per workspace), 4 hooks at
   * once, 30 s idle, 20 s stop, 20 failed authentications per address.
   */
  public static ApiSettings defaults() {
    return new ApiSettings(
        FIVE_MIB,
        250,
        16,
        1_000,
        Duration.ofSeconds(30),
        Duration.ofSeconds(20),
        Duration.ofSeconds(2),
        writesPerWorkspace(16),
        hooksFor(16),
        20);
  }

  /** A workspace's share of {@code maxConcurrentWrites}: half, at least one. */
  public static int writesPerWorkspace(int maxConcurrentWrites) {
    return Math.max(1, maxConcurrentWrites / 2);
  }

  /** The hooks at once for {@code maxConcurrentWrites}: a quarter, at least one. */
  public static int hooksFor(int maxConcurrentWrites) {
    return Math.max(1, maxConcurrentWrites / 4);
  }
}
