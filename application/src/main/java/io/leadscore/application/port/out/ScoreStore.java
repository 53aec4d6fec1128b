package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Materialised scores: one row per (workspace, model, contact). */
public interface ScoreStore {
  Optional<MaterialisedScore> find(String workspace, String model, String contactId);

  /** The rows of these contacts under a model, by contact id (absent ones left out). */
  Map<String, MaterialisedScore> find(
      String workspace, String model, Collection<String> contactIds);

  /**
   * As {@link #find(String, String, Collection)}, each row found locked until the transaction ends
   * (in key order), so that a writer can compare it with the row it computed ({@link
   * MaterialisedScore#replaces}) before another writer changes it. Call inside a transaction.
   */
  default Map<String, MaterialisedScore> lock(
      String workspace, String model, Collection<String> contactIds) {
    return find(workspace, model, contactIds);
  }

  /**
   * Inserts the rows of contacts that have none under their model (a row inserted meanwhile by
   * another transaction wins: this one waits for it and leaves it). Returns the contact ids of the
   * rows inserted. Call inside a transaction.
   */
  default Set<String> insertAbsent(String workspace, List<MaterialisedScore> scores) {
    var inserted = new LinkedHashSet<String>();
    for (MaterialisedScore score : scores) {
      if (find(workspace, score.model(), score.contactId()).isEmpty()) {
        put(workspace, List.of(score));
        inserted.add(score.contactId());
      }
    }
    return inserted;
  }

  /** Inserts or replaces rows. */
  void put(String workspace, List<MaterialisedScore> scores);

  /**
   * Up to {@code limit} rows matching the filter, highest score first (ties by contact id),
   * strictly after {@code after} (null for the first page).
   */
  List<MaterialisedScore> leaderboard(
      String workspace, LeaderboardFilter filter, LeaderboardPosition after, int limit);

  /** Every row of a model, in no particular order, through a cursor. Close the stream. */
  Stream<MaterialisedScore> all(String workspace, String model);

  /** Deletes a contact's rows under every model. */
  void eraseContact(String workspace, String contactId);

  /** Up to {@code limit} contacts, in any workspace, with a row whose refreshAt is due. */
  List<ContactRef> dueForRefresh(Instant now, int limit);
}
