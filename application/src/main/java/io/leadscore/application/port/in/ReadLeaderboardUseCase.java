package io.leadscore.application.port.in;

/**
 * Contacts ranked by materialised score, filtered by tier, grade or topic, paginated by an opaque
 * keyset cursor (page 500 costs what page 1 does). Each row carries when it was computed.
 *
 * @throws InvalidInputException for a limit outside 1..{@value #MAX_LIMIT} or a bad cursor
 * @throws NotFoundException for an unknown model
 */
public interface ReadLeaderboardUseCase {
  int DEFAULT_LIMIT = 50;
  int MAX_LIMIT = 1000;

  LeaderboardPage read(LeaderboardQuery query);
}
