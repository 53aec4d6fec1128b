/**
 * JMH benchmarks for the scoring engine (quality.md, row {@code engine-score}) and the
 * deterministic fixtures they run on. Every benchmark runs its baselines in the same run, so
 * figures are read as ratios on these noisy 2-core machines. Uses the domain, its test-jar (the
 * naive scorer) and JMH; nothing here ships in the application jar.
 */
package io.leadscore.benchmarks;
