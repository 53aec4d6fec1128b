/**
 * The scoring model as immutable records: the model, its scale, topics, tiers and grades
 * (scoring-model.md, "Document"). Rules live in {@code model.rule}, predicates in {@code
 * model.condition}. JDK and RE2/J only.
 */
package io.leadscore.domain.model;
