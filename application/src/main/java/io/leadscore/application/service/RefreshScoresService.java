package io.leadscore.application.service;

import io.leadscore.application.port.in.RefreshScoresUseCase;
import io.leadscore.application.port.out.ContactHistory;
import io.leadscore.application.port.out.ContactRef;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.scoring.LiveModels;
import io.leadscore.application.scoring.ScoreMaterialiser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drains the refresh queue: in each round, workspace by workspace (the longest-waiting first),
 * claims up to {@value #PER_WORKSPACE} stale contacts, re-scores them under every live model of
 * their workspace and writes the rows, in one transaction per workspace (a failure leaves them
 * queued). Claims skip entries held by other nodes, so several nodes may refresh at once.
 */
public final class RefreshScoresService implements RefreshScoresUseCase {
  /** The most contacts of one workspace refreshed in one transaction of a round. */
  static final int PER_WORKSPACE = 50;

  private final Transactions transactions;
  private final ScoreRefreshQueue queue;
  private final EventStore events;
  private final ScoreStore scores;
  private final LiveModels liveModels;
  private final ScoreMaterialiser materialiser;
  private final Clock clock;
  private final Duration settle;

  public RefreshScoresService(
      Transactions transactions,
      ScoreRefreshQueue queue,
      ContactRepository contacts,
      EventStore events,
      ScoreStore scores,
      Notifier notifier,
      LiveModels liveModels,
      Clock clock) {
    this(transactions, queue, contacts, events, scores, notifier, liveModels, clock, Duration.ZERO);
  }

  /**
   * As the other constructor, refreshing a contact only once its first unrefreshed mark is {@code
   * settle} old: under a stream of writes to the same contacts, one refresh per contact and settle
   * period instead of one per write (what the server runs; tests refresh at once).
   */
  public RefreshScoresService(
      Transactions transactions,
      ScoreRefreshQueue queue,
      ContactRepository contacts,
      EventStore events,
      ScoreStore scores,
      Notifier notifier,
      LiveModels liveModels,
      Clock clock,
      Duration settle) {
    this.settle = settle;
    this.transactions = transactions;
    this.queue = queue;
    this.events = events;
    this.scores = scores;
    this.liveModels = liveModels;
    this.materialiser = new ScoreMaterialiser(contacts, scores, notifier, queue, liveModels);
    this.clock = clock;
  }

  @Override
  public int refresh(int maxContacts) {
    Instant due = settle.isZero() ? ScoreRefreshQueue.EVERY_MARK : clock.instant().minus(settle);
    // Round robin: each workspace with due marks gets a bounded batch in its own transaction,
    // the longest-waiting first, so one workspace's backlog or costly contacts never hold
    // another's back for more than one batch, and a failing batch rolls back only its own.
    List<String> workspaces = queue.dueWorkspaces(maxContacts, due);
    int refreshed = 0;
    RuntimeException failure = null;
    for (String workspace : workspaces) {
      int batch = Math.min(PER_WORKSPACE, maxContacts - refreshed);
      if (batch <= 0) {
        break;
      }
      try {
        refreshed += transactions.inTransaction(() -> refresh(workspace, batch, due));
      } catch (RuntimeException e) {
        // the other workspaces still get their turn; the round then reports the failure
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return refreshed;
  }

  /** Claims and refreshes up to {@code batch} of one workspace's due contacts. */
  private int refresh(String workspace, int batch, Instant due) {
    Instant now = clock.instant();
    List<String> claimed = queue.claim(workspace, batch, due);
    if (claimed.isEmpty()) {
      return 0;
    }
    List<LiveModels.Live> live = liveModels.allLive(workspace);
    if (!live.isEmpty()) {
      // erased contacts are simply not found: nothing to refresh
      List<ContactHistory> histories = events.histories(workspace, claimed);
      for (LiveModels.Live model : live) {
        materialiser.materialise(workspace, model, histories, now);
      }
    }
    return claimed.size();
  }

  @Override
  public int sweepDecay(int maxContacts) {
    return transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          List<ContactRef> due = scores.dueForRefresh(now, maxContacts);
          byWorkspace(due).forEach((workspace, ids) -> queue.mark(workspace, ids, now));
          return due.size();
        });
  }

  /** Contact ids by workspace, in first-seen order. */
  private static Map<String, List<String>> byWorkspace(List<ContactRef> refs) {
    var byWorkspace = new LinkedHashMap<String, List<String>>();
    for (ContactRef ref : refs) {
      byWorkspace.computeIfAbsent(ref.workspace(), key -> new ArrayList<>()).add(ref.contactId());
    }
    return byWorkspace;
  }
}
