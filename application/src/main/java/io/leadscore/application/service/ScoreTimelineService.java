package io.leadscore.application.service;

import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.ScoreTimelineUseCase;
import io.leadscore.application.port.in.TimelinePoint;
import io.leadscore.application.port.in.TimelineQuery;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.scoring.LiveModels;
import io.leadscore.domain.engine.LeadScore;
import io.leadscore.domain.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A contact's score at each step: the history is read once and scored at each instant, so every
 * point is exactly what {@code score} answers there.
 */
public final class ScoreTimelineService implements ScoreTimelineUseCase {
  private final LiveModels liveModels;
  private final ContactRepository contacts;
  private final EventStore events;

  public ScoreTimelineService(
      LiveModels liveModels, ContactRepository contacts, EventStore events) {
    this.liveModels = liveModels;
    this.contacts = contacts;
    this.events = events;
  }

  @Override
  public List<TimelinePoint> timeline(TimelineQuery query) {
    if (query.to().isBefore(query.from())) {
      throw InvalidInputException.at("to", "must not be before from");
    }
    if (query.step().isNegative() || query.step().isZero()) {
      throw InvalidInputException.at("step", "must be a positive duration");
    }
    if (points(query) > MAX_POINTS) {
      throw InvalidInputException.at(
          "step",
          "gives more than "
              + MAX_POINTS
              + " points between from and to; for this range the step must be at least "
              + Duration.between(query.from(), query.to()).dividedBy(MAX_POINTS - 1));
    }
    ContactRecord contact =
        contacts
            .find(query.workspace(), new ContactIdentity.ById(query.contactId()))
            .orElseThrow(() -> new NotFoundException("contact", query.contactId()));
    LiveModels.Live live = liveModels.requireLive(query.workspace(), query.model());
    List<Event> history = events.history(query.workspace(), contact.id());
    var points = new ArrayList<TimelinePoint>();
    long count = points(query);
    for (long i = 0; i < count; i++) {
      // from + i * step, never beyond to: a huge step cannot overflow past the last instant
      Instant at = query.from().plus(query.step().multipliedBy(i));
      LeadScore score = live.compiled().score(contact.profile(), history, at);
      points.add(new TimelinePoint(at, score.score(), score.tier(), score.grade()));
    }
    return points;
  }

  /**
   * The points the query asks for, counted exactly for any step (a step under a second counts in
   * nanoseconds); {@link Long#MAX_VALUE} when the count does not even fit a long.
   */
  static long points(TimelineQuery query) {
    try {
      return Math.addExact(Duration.between(query.from(), query.to()).dividedBy(query.step()), 1);
    } catch (ArithmeticException tooMany) {
      return Long.MAX_VALUE;
    }
  }
}
