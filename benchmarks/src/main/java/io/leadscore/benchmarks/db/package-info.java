/**
 * The database harness (quality.md: db-ingest, duplicate-resend, rescore, leaderboard, deep-page,
 * decay-upkeep): generated data on PostgreSQL through the real use cases and JDBC adapters, each
 * figure printed beside its baseline measured in the same run. Figures, not assertions; run with
 * {@code bin/bench-db}.
 */
package io.leadscore.benchmarks.db;
