package io.leadscore.benchmarks.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code clients} virtual threads, each sending its next call as soon as the
 * previous one is answered, until {@code maxCalls} calls were started or {@code maxTime} has
 * passed, whichever comes first. Records every call's latency in nanoseconds (sorted at the end: a
 * few hundred thousand longs, exact percentiles without a histogram library).
 */
final class ClosedLoop {
  private ClosedLoop() {}

  /** One call; returns false for an answer that is not the expected one (counted as an error). */
  @FunctionalInterface
  interface Call {
    boolean call(int client, long sequence) throws Exception;
  }

  /** What a run measured: sorted latencies of successful calls, errors, wall time. */
  record Result(long[] sortedNanos, long errors, double seconds) {
    long calls() {
      return sortedNanos.length;
    }

    double perSecond() {
      return sortedNanos.length / seconds;
    }

    long percentile(double p) {
      if (sortedNanos.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))];
    }

    long max() {
      return sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1];
    }

    double ms(double p) {
      return percentile(p) / 1e6;
    }

    /** {@code p50 1.23 ms p99 4.56 ms max 7.89 ms, 1,234 req/s}. */
    String summary() {
      return String.format(
          Locale.ROOT,
          "p50 %.2f ms p99 %.2f ms max %.1f ms, %,.0f req/s%s",
          ms(50),
          ms(99),
          max() / 1e6,
          perSecond(),
          errors == 0 ? "" : String.format(Locale.ROOT, ", %,d errors", errors));
    }
  }

  /** Several runs as one: latencies pooled, errors and seconds summed. */
  static Result merge(List<Result> runs) {
    long[] all = new long[runs.stream().mapToInt(r -> r.sortedNanos().length).sum()];
    int at = 0;
    long errors = 0;
    double seconds = 0;
    for (Result run : runs) {
      System.arraycopy(run.sortedNanos(), 0, all, at, run.sortedNanos().length);
      at += run.sortedNanos().length;
      errors += run.errors();
      seconds += run.seconds();
    }
    Arrays.sort(all);
    return new Result(all, errors, seconds);
  }

  static Result run(int clients, long maxCalls, Duration maxTime, Call call)
      throws InterruptedException {
    var next = new AtomicLong();
    var errors = new AtomicLong();
    long deadline = System.nanoTime() + maxTime.toNanos();
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        int client = c;
        futures.add(
            threads.submit(
                () -> {
                  long[] nanos = new long[1024];
                  int n = 0;
                  for (long seq = next.getAndIncrement();
                      seq < maxCalls && System.nanoTime() < deadline;
                      seq = next.getAndIncrement()) {
                    long began = System.nanoTime();
                    boolean ok;
                    try {
                      ok = call.call(client, seq);
                    } catch (java.io.IOException | RuntimeException e) {
                      // a refused or failed call (say, a lock timeout in-process): counted
                      ok = false;
                    }
                    long took = System.nanoTime() - began;
                    if (!ok) {
                      errors.incrementAndGet();
                      continue;
                    }
                    if (n == nanos.length) {
                      nanos = Arrays.copyOf(nanos, n * 2);
                    }
                    nanos[n++] = took;
                  }
                  return Arrays.copyOf(nanos, n);
                }));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[][] parts = new long[futures.size()][];
    int total = 0;
    for (int i = 0; i < parts.length; i++) {
      try {
        parts[i] = futures.get(i).get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a client failed", e.getCause());
      }
      total += parts[i].length;
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    Arrays.sort(all);
    return new Result(all, errors.get(), seconds);
  }
}
