package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Configured vendor sources, their sync cursors and schedules (http-api.md, "Sources" and "Running
 * past one machine"). The cursor and the next sync time change only by compare-and-set, so two
 * nodes (or two syncs) never both advance the same source from the same state.
 */
public interface SourceRepository {
  /** Stores a new source (its id is new). */
  void create(Source source);

  /** A source of the workspace. */
  Optional<Source> find(String workspace, String sourceId);

  /**
   * A source by id alone, in any workspace: for inbound hooks, whose URL names only the source (the
   * caller then checks the hook secret before trusting it).
   */
  Optional<Source> findById(String sourceId);

  /** The workspace's sources, oldest first. */
  List<Source> list(String workspace);

  /**
   * Moves a source's cursor from {@code expected} to {@code next}, only if it is still {@code
   * expected} (null: no cursor yet). Joins the caller's transaction, so the cursor moves only with
   * the data it follows.
   *
   * @return false when the source is gone or its cursor was moved by someone else
   */
  boolean advanceCursor(String workspace, String sourceId, String expected, String next);

  /**
   * Sources of any workspace whose scheduled sync is due ({@code nextSyncAt <= now}), earliest
   * first, at most {@code limit}.
   */
  List<Source> due(Instant now, int limit);

  /**
   * Moves a source's next sync time from {@code expected} to {@code next} (null: none), only if it
   * is still {@code expected}: of two nodes that saw the same due source, one wins.
   *
   * @return false when someone else moved it first (or the source is gone)
   */
  boolean reschedule(String workspace, String sourceId, Instant expected, Instant next);
}
