/**
 * Use-case implementations: one final {@code <Verb><Noun>Service} per in-port, plus the small
 * helpers they share (identity reading, derived event keys, the compiled-model cache, score
 * materialisation). Constructed by {@code bootstrap} with their ports; no framework annotations.
 */
package io.leadscore.application.service;
