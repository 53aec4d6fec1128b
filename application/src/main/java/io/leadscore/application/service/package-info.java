/**
 * Use-case implementations: one final {@code <Verb><Noun>Service} per in-port, plus the small
 * helpers they share (API key tokens, tier tallies; identity reading, derived event keys and the
 * event store path live in {@code ingest}). Constructed by {@code bootstrap} with their ports; no
 * framework annotations.
 */
package io.leadscore.application.service;
