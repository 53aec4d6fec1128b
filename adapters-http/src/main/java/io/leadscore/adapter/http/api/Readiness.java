package io.leadscore.adapter.http.api;

import java.util.List;

/**
 * Whether this node can serve ({@code GET /ready}): the database reachable, its migrations applied.
 * Implemented where the database is known ({@code bootstrap}); must answer within a few seconds
 * even when the database hangs.
 */
public interface Readiness {
  /** What keeps the node from serving; empty when ready. */
  List<String> problems();
}
