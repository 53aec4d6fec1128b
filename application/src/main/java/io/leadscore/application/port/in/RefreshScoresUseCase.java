package io.leadscore.application.port.in;

/**
 * Brings materialised scores up to date for contacts marked stale (new events, a changed profile,
 * decay due), under every live model of their workspace, and emits {@code score.tier_changed} for
 * each tier that changed. Run repeatedly by a scheduler; safe on several nodes at once.
 */
public interface RefreshScoresUseCase {
  /**
   * Refreshes up to {@code maxContacts} stale contacts in one transaction.
   *
   * @return how many were refreshed; 0 when none was waiting
   */
  int refresh(int maxContacts);

  /** Marks contacts whose decay is due as stale (the sweep); returns how many. */
  int sweepDecay(int maxContacts);
}
