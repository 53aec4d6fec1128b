package io.leadscore.application.port.in;

import java.util.List;

/**
 * A contact's score at each step between two instants, for a chart; each point exact, as {@link
 * ScoreContactUseCase} would answer at that instant.
 *
 * @throws InvalidInputException when {@code to} is before {@code from}, the step is not positive,
 *     or there would be more than {@value #MAX_POINTS} points
 * @throws NotFoundException for an unknown contact, or a model without a live version
 */
public interface ScoreTimelineUseCase {
  int MAX_POINTS = 1000;

  List<TimelinePoint> timeline(TimelineQuery query);
}
