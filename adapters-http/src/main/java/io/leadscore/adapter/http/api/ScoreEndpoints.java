package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.adapter.http.json.LeadScoreJson;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.ContactScore;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.LeaderboardPage;
import io.leadscore.application.port.in.LeaderboardQuery;
import io.leadscore.application.port.in.ReadLeaderboardUseCase;
import io.leadscore.application.port.in.ScoreContactQuery;
import io.leadscore.application.port.in.ScoreContactUseCase;
import io.leadscore.application.port.in.ScoreTimelineUseCase;
import io.leadscore.application.port.in.TimelineQuery;
import io.leadscore.application.port.out.MaterialisedScore;
import io.leadscore.application.port.out.Scope;
import io.leadscore.domain.engine.Figures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Scores (http-api.md, "Scores on read and on the leaderboard"): a contact's exact LeadScore at any
 * instant, its timeline, and the leaderboard of materialised scores. All need a read key.
 */
final class ScoreEndpoints {
  private static final Duration DEFAULT_SPAN = Duration.ofDays(30);

  private final ScoreContactUseCase score;
  private final ScoreTimelineUseCase timeline;
  private final ReadLeaderboardUseCase leaderboard;
  private final Clock clock;

  ScoreEndpoints(ApiUseCases useCases, Clock clock) {
    this.score = useCases.score();
    this.timeline = useCases.timeline();
    this.leaderboard = useCases.leaderboard();
    this.clock = clock;
  }

  void register(Routes routes) {
    routes.add(HandlerType.GET, "/v1/contacts/{id}/score", Scope.READ, this::score);
    routes.add(HandlerType.GET, "/v1/contacts/{id}/timeline", Scope.READ, this::timeline);
    routes.add(HandlerType.GET, "/v1/leaderboard", Scope.READ, this::leaderboard);
  }

  private void score(Context ctx, Caller caller) {
    var params = new Params(ctx);
    String model = params.required("model");
    Instant asOf = params.instant("asOf", clock.instant());
    params.check();
    ContactScore result =
        score.score(new ScoreContactQuery(caller.workspace(), ctx.pathParam("id"), model, asOf));
    Json.respond(ctx, LeadScoreJson.from(result.score(), result.modelVersion()));
  }

  private void timeline(Context ctx, Caller caller) {
    var params = new Params(ctx);
    String model = params.required("model");
    Instant to = params.instant("to", clock.instant());
    Instant from = params.instant("from", to.minus(DEFAULT_SPAN));
    Duration step = params.duration("step", Duration.ofDays(1));
    params.check();
    List<io.leadscore.application.port.in.TimelinePoint> points;
    try {
      points =
          timeline.timeline(
              new TimelineQuery(caller.workspace(), ctx.pathParam("id"), model, from, to, step));
    } catch (InvalidInputException e) {
      // every input the use case checks (from, to, step) is a query parameter: 400 like the rest
      throw new BadRequestException(e.getMessage(), e.problems());
    }
    Json.respond(
        ctx,
        Page.of(
            points.stream()
                .map(
                    point ->
                        new TimelinePointResponse(
                            point.at(), Figures.round(point.score()), point.tier(), point.grade()))
                .toList()));
  }

  private void leaderboard(Context ctx, Caller caller) {
    var params = new Params(ctx);
    String model = params.required("model");
    int limit =
        params.integer(
            "limit", ReadLeaderboardUseCase.DEFAULT_LIMIT, 1, ReadLeaderboardUseCase.MAX_LIMIT);
    var query =
        new LeaderboardQuery(
            caller.workspace(),
            model == null ? "" : model,
            params.optional("tier"),
            params.optional("grade"),
            params.optional("topic"),
            limit,
            params.optional("cursor"));
    params.check();
    LeaderboardPage page;
    try {
      page = leaderboard.read(query);
    } catch (InvalidInputException e) {
      // every input of this route is a query parameter (a cursor not ours): 400 like the others
      throw new BadRequestException(e.getMessage(), e.problems());
    }
    Json.respond(
        ctx, new Page<>(page.items().stream().map(LeaderboardRow::from).toList(), page.next()));
  }

  /** The score at one instant of a timeline. */
  record TimelinePointResponse(Instant at, BigDecimal score, String tier, String grade) {}

  /** One leaderboard row: a materialised score, with when it was computed. */
  record LeaderboardRow(
      String contactId,
      int modelVersion,
      BigDecimal score,
      BigDecimal fit,
      BigDecimal engagement,
      String tier,
      String grade,
      List<String> topics,
      List<LeadScoreJson.ContributionJson> topRules,
      Instant computedAt) {
    static LeaderboardRow from(MaterialisedScore score) {
      return new LeaderboardRow(
          score.contactId(),
          score.modelVersion(),
          Figures.round(score.score()),
          Figures.round(score.fit()),
          Figures.round(score.engagement()),
          score.tier(),
          score.grade(),
          score.interestedTopics(),
          score.topRules().stream().map(LeadScoreJson.ContributionJson::from).toList(),
          score.computedAt());
    }
  }
}
