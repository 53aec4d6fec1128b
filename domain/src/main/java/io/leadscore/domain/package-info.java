/**
 * The scoring domain: the model language, its reader and the engine
 * (../shared/spec/scoring-model.md). Pure Java: nothing but the JDK and RE2/J; no clock, no I/O, no
 * logging, no randomness.
 */
package io.leadscore.domain;
