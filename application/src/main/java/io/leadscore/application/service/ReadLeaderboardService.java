package io.leadscore.application.service;

import io.leadscore.application.ingest.IdentityReader;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.LeaderboardPage;
import io.leadscore.application.port.in.LeaderboardQuery;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.ReadLeaderboardUseCase;
import io.leadscore.application.port.out.LeaderboardFilter;
import io.leadscore.application.port.out.LeaderboardPosition;
import io.leadscore.application.port.out.MaterialisedScore;
import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.port.out.ScoreStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Reads leaderboard pages by keyset. The cursor is the last row's exact score (as IEEE bits, so no
 * rounding can skip or repeat a row) and contact id, base64url-encoded: opaque to callers.
 */
public final class ReadLeaderboardService implements ReadLeaderboardUseCase {
  private final ModelRepository models;
  private final ScoreStore scores;

  public ReadLeaderboardService(ModelRepository models, ScoreStore scores) {
    this.models = models;
    this.scores = scores;
  }

  @Override
  public LeaderboardPage read(LeaderboardQuery query) {
    if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
      throw InvalidInputException.at("limit", "must be between 1 and " + MAX_LIMIT);
    }
    LeaderboardPosition after = query.cursor() == null ? null : decode(query.cursor());
    if (models
        .liveVersion(query.workspace(), query.model())
        .isEmpty()) { // exists, documents unread
      throw new NotFoundException("model", query.model());
    }
    var filter = new LeaderboardFilter(query.model(), query.tier(), query.grade(), query.topic());
    List<MaterialisedScore> rows =
        scores.leaderboard(query.workspace(), filter, after, query.limit() + 1);
    if (rows.size() <= query.limit()) {
      return new LeaderboardPage(rows, null);
    }
    List<MaterialisedScore> page = rows.subList(0, query.limit());
    MaterialisedScore last = page.get(page.size() - 1);
    return new LeaderboardPage(
        page, encode(new LeaderboardPosition(last.score(), last.contactId())));
  }

  static String encode(LeaderboardPosition position) {
    String plain =
        Long.toHexString(Double.doubleToLongBits(position.score())) + ":" + position.contactId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  static LeaderboardPosition decode(String cursor) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      double score = Double.longBitsToDouble(Long.parseUnsignedLong(plain.substring(0, colon), 16));
      String contactId = plain.substring(colon + 1);
      if (!Double.isFinite(score) || !IdentityReader.CONTACT_ID.matcher(contactId).matches()) {
        throw InvalidInputException.at("cursor", "not a cursor this API gave");
      }
      return new LeaderboardPosition(score, contactId);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw InvalidInputException.at("cursor", "not a cursor this API gave");
    }
  }
}
