/**
 * The HTTP load harness (quality.md: http-ingest, score-read, leaderboard over HTTP): the real
 * server started in-process (or one given by URL), loaded over loopback by many concurrent clients,
 * each figure printed beside a baseline measured in the same run. Figures, not assertions; run with
 * {@code bin/bench-http}.
 */
package io.leadscore.benchmarks.http;
