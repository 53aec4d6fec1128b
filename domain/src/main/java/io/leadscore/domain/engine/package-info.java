/**
 * The engine: {@code score(model, contact, events, asOf) -> LeadScore}, pure and deterministic, and
 * its incremental form that folds events one at a time (scoring-model.md, "Semantics"). JDK only.
 */
package io.leadscore.domain.engine;
