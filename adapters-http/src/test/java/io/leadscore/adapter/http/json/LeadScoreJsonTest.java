package io.leadscore.adapter.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.engine.LeadScore;
import io.leadscore.domain.engine.LeadScore.Contribution;
import io.leadscore.domain.engine.LeadScore.Kind;
import io.leadscore.domain.engine.LeadScore.TopicInterest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadScoreJsonTest {

  @Test
  void prints_the_spec_output_example_with_keys_in_spec_order() {
    var score =
        new LeadScore(
            "b2b-default",
            Instant.parse("2026-11-22T10:00:00Z"),
            345.5,
            50.0,
            295.5,
            "hot",
            "B",
            List.of(new TopicInterest("network-security", 3, true)),
            List.of(
                new Contribution("decision-maker", Kind.FIT, 1, 20.0),
                new Contribution("email-click", Kind.ENGAGEMENT, 4, 25.5)));

    assertThat(LeadScoreJson.from(score, 3).toPrettyJson())
        .isEqualTo(
            """
            {
              "model": "b2b-default",
              "version": 3,
              "asOf": "2026-11-22T10:00:00Z",
              "score": 345.5,
              "fit": 50,
              "engagement": 295.5,
              "tier": "hot",
              "grade": "B",
              "topics": [
                {
                  "topic": "network-security",
                  "items": 3,
                  "interested": true
                }
              ],
              "breakdown": [
                {
                  "rule": "decision-maker",
                  "kind": "fit",
                  "awards": 1,
                  "points": 20
                },
                {
                  "rule": "email-click",
                  "kind": "engagement",
                  "awards": 4,
                  "points": 25.5
                }
              ]
            }""");
  }

  @Test
  void rounds_half_away_from_zero_and_prints_nulls_and_empty_lists() {
    var score =
        new LeadScore(
            "m",
            Instant.parse("2026-01-01T00:00:00Z"),
            -0.001,
            -0.125,
            1234567.005,
            null,
            null,
            List.of(),
            List.of());

    assertThat(LeadScoreJson.from(score, null).toPrettyJson())
        .isEqualTo(
            """
            {
              "model": "m",
              "version": null,
              "asOf": "2026-01-01T00:00:00Z",
              "score": 0,
              "fit": -0.13,
              "engagement": 1234567.01,
              "tier": null,
              "grade": null,
              "topics": [],
              "breakdown": []
            }""");
  }

  @Test
  void large_integral_figures_print_without_exponent() {
    var score = new LeadScore("m", Instant.EPOCH, 1e9, 1e9, 0, "t", "g", List.of(), List.of());

    assertThat(LeadScoreJson.from(score, null).toPrettyJson())
        .contains("\"score\": 1000000000,")
        .contains("\"engagement\": 0,");
  }
}
