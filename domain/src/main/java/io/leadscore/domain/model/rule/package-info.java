/**
 * Fit and engagement rules and their parts: which events a rule listens to, count triggers, limits
 * and decays (scoring-model.md, "Semantics" 1 and 2). JDK only.
 */
package io.leadscore.domain.model.rule;
