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
 */
public record ApiSettings(
    long maxBodyBytes,
    int maxThreads,
    int maxConcurrentWrites,
    int maxInFlight,
    Duration idleTimeout,
    Duration stopTimeout,
    Duration retryAfter) {

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
  }

  /** The defaults: 5 MiB bodies, 250 threads, 16 concurrent writes, 30 s idle, 20 s stop. */
  public static ApiSettings defaults() {
    return new ApiSettings(
        FIVE_MIB,
        250,
        16,
        1_000,
        Duration.ofSeconds(30),
        Duration.ofSeconds(20),
        Duration.ofSeconds(2));
  }
}
