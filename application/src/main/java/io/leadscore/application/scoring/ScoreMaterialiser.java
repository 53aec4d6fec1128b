package io.leadscore.application.scoring;

import io.leadscore.application.port.out.ContactHistory;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.MaterialisedScore;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.TierChange;
import io.leadscore.application.port.out.TopicInterest;
import io.leadscore.domain.engine.LeadScore;
import io.leadscore.domain.engine.LeadScore.Contribution;
import io.leadscore.domain.model.ScoringModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Scores contacts under a live model and writes their materialised rows, emitting {@code
 * score.tier_changed} for each tier that changed (http-api.md, "Scores on read and on the
 * leaderboard"). Used by the refresh after events and by re-scores after a publish; the caller owns
 * the transaction. Stateless apart from its ports; thread-safe.
 *
 * <p>A row's {@code refreshAt} is when the decay sweep should look again: when decay could first
 * move it to another tier ({@link DecayHorizon}), else never (nothing else moves a score without a
 * new event or a profile change, which refresh the row anyway).
 *
 * <p>A contact scored for the first time into the lowest tier is not a change worth telling; into
 * any higher tier it is (a new contact may arrive hot).
 *
 * <p>Each topic the contact is interested in now but was not in its previous row (or had no row) is
 * told as {@code topic.interested}, in the same transaction.
 *
 * <p>Rows are written only for contacts held against erasure ({@link
 * ContactRepository#holdForDerivedRows}), so an erase never leaves a score or notification behind.
 * A contact that could not be held without waiting (being erased, or changed by another transaction
 * on a database with only exclusive row locks) is marked for refresh again instead, unless it is
 * gone: its row is written by a later refresh.
 *
 * <p>Racing writers (a re-score reading one old snapshot, refreshes after events, several nodes): a
 * row is written only when it {@link MaterialisedScore#replaces replaces} the stored one, which is
 * locked meanwhile, and only while its version is still live; tier changes and new interests are
 * told only for rows written, relative to the row they replace, so the notifications of a contact
 * follow the sequence of its stored rows. A contact whose row could not be written and may not be
 * exact (scored under a version no longer live, or its fresher row was) is marked for refresh
 * again, so it ends exact without waiting for another event.
 */
public final class ScoreMaterialiser {
  public static final int TOP_RULES = 3;

  private final ContactRepository contacts;
  private final ScoreStore scores;
  private final Notifier notifier;
  private final ScoreRefreshQueue refreshQueue;
  private final LiveModels liveModels;

  public ScoreMaterialiser(
      ContactRepository contacts,
      ScoreStore scores,
      Notifier notifier,
      ScoreRefreshQueue refreshQueue,
      LiveModels liveModels) {
    this.liveModels = liveModels;
    this.contacts = contacts;
    this.scores = scores;
    this.notifier = notifier;
    this.refreshQueue = refreshQueue;
  }

  /** What a batch did: rows written and tiers changed. */
  public record Outcome(int written, int tierChanges) {}

  /** Scores each contact under {@code live} at {@code now}, writes the rows, tells tier changes. */
  public Outcome materialise(
      String workspace, LiveModels.Live live, List<ContactHistory> histories, Instant now) {
    if (histories.isEmpty()) {
      return new Outcome(0, 0);
    }
    var all = new ArrayList<String>(histories.size());
    histories.forEach(history -> all.add(history.contact().id()));
    Set<String> held = contacts.holdForDerivedRows(workspace, all);
    if (held.size() < all.size()) {
      var again = new ArrayList<String>();
      for (String id : all) {
        if (!held.contains(id)
            && contacts.find(workspace, new ContactIdentity.ById(id)).isPresent()) {
          again.add(id);
        }
      }
      refreshQueue.mark(workspace, again, now);
      histories =
          histories.stream().filter(history -> held.contains(history.contact().id())).toList();
      if (histories.isEmpty()) {
        return new Outcome(0, 0);
      }
    }
    var ids = new ArrayList<String>(histories.size());
    histories.forEach(history -> ids.add(history.contact().id()));
    // the rows are locked before the live version is read: a version still live now was live when
    // each of them was written, and a publish after this read starts a re-score that comes later
    Map<String, MaterialisedScore> previous = scores.lock(workspace, live.modelId(), ids);
    Optional<Integer> liveNow = liveModels.liveVersion(workspace, live.modelId());
    if (liveNow.isEmpty() || liveNow.get() != live.version()) {
      // a version no longer live: the next refresh scores these contacts under the live one
      refreshQueue.mark(workspace, ids, now);
      return new Outcome(0, 0);
    }
    var again = new ArrayList<String>();
    var computed = new LinkedHashMap<String, Computed>();
    for (ContactHistory history : histories) {
      LeadScore score = live.compiled().score(history.contact().profile(), history.events(), now);
      MaterialisedScore row = row(history.contact().id(), live, score, now, history.revision());
      computed.put(row.contactId(), new Computed(row, score));
    }
    // contacts without a row: inserted only if still absent; one another writer inserted first
    // is compared with that row, locked, like any other
    var firsts = new ArrayList<MaterialisedScore>();
    computed.forEach(
        (id, entry) -> {
          if (!previous.containsKey(id)) {
            firsts.add(entry.row());
          }
        });
    Set<String> inserted = scores.insertAbsent(workspace, firsts);
    var lost = new ArrayList<String>();
    for (MaterialisedScore first : firsts) {
      if (!inserted.contains(first.contactId())) {
        lost.add(first.contactId());
      }
    }
    var stored = new HashMap<>(previous);
    stored.putAll(scores.lock(workspace, live.modelId(), lost));
    var rows = new ArrayList<MaterialisedScore>(computed.size());
    int changes = 0;
    for (Computed entry : computed.values()) {
      MaterialisedScore row = entry.row();
      MaterialisedScore before = stored.get(row.contactId());
      if (!inserted.contains(row.contactId())) {
        if (before != null && !row.replaces(before)) {
          // a fresher row is stored (a re-score's old snapshot meeting a refresh's newer one);
          // it stands, and is exact unless it was scored under another version
          if (before.modelVersion() != live.version()) {
            again.add(row.contactId());
          }
          continue;
        }
        rows.add(row);
      }
      if (isNews(live.compiled().model(), before, row)) {
        changes++;
        notifier.tierChanged(
            new TierChange(
                workspace,
                live.modelId(),
                row.contactId(),
                before == null ? null : before.tier(),
                row.tier(),
                row.score(),
                now));
      }
      tellNewInterests(workspace, live.modelId(), row.contactId(), before, entry.score(), now);
    }
    scores.put(workspace, rows);
    refreshQueue.mark(workspace, again, now);
    return new Outcome(rows.size() + inserted.size(), changes);
  }

  /** A contact's score and its row. */
  private record Computed(MaterialisedScore row, LeadScore score) {}

  private void tellNewInterests(
      String workspace,
      String model,
      String contactId,
      MaterialisedScore before,
      LeadScore score,
      Instant now) {
    List<String> known = before == null ? List.of() : before.interestedTopics();
    for (LeadScore.TopicInterest topic : score.topics()) {
      if (topic.interested() && !known.contains(topic.topic())) {
        notifier.topicInterested(
            new TopicInterest(workspace, model, contactId, topic.topic(), topic.items(), now));
      }
    }
  }

  private static boolean isNews(
      ScoringModel model, MaterialisedScore before, MaterialisedScore after) {
    if (after.tier() == null) {
      return false;
    }
    if (before == null) {
      return !model.tiers().isEmpty() && !after.tier().equals(model.tiers().get(0).id());
    }
    return !Objects.equals(before.tier(), after.tier());
  }

  public static MaterialisedScore row(
      String contactId, LiveModels.Live live, LeadScore score, Instant now, long revision) {
    List<Contribution> top =
        score.breakdown().stream()
            .filter(contribution -> contribution.points() != 0)
            .sorted(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.points())))
            .limit(TOP_RULES)
            .toList();
    List<String> interested =
        score.topics().stream()
            .filter(LeadScore.TopicInterest::interested)
            .map(LeadScore.TopicInterest::topic)
            .toList();
    return new MaterialisedScore(
        contactId,
        live.modelId(),
        live.version(),
        score.score(),
        score.fit(),
        score.engagement(),
        score.tier(),
        score.grade(),
        interested,
        top,
        now,
        live.horizon().recheckAt(score, now),
        revision);
  }
}
