package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.port.out.TierChange;
import io.leadscore.domain.engine.LeadScore.Contribution;
import io.leadscore.domain.engine.LeadScore.Kind;
import io.leadscore.domain.model.condition.Value;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

  @Test
  void values_round_trip_and_keep_text_that_looks_numeric_as_text() {
    Map<String, Value> values =
        Map.of(
            "text", new Value.Text("50"),
            "number", new Value.Number(50),
            "fraction", new Value.Number(0.1 + 0.2),
            "extreme", new Value.Number(Double.MIN_VALUE),
            "negative zero", new Value.Number(-0.0),
            "bool", new Value.Bool(true),
            "many", new Value.Many(List.of(new Value.Text("x"), new Value.Number(-1e21))));

    String json = JsonCodec.values(values);

    assertThat(JsonCodec.values(json)).isEqualTo(values);
    assertThat(json).contains("\"text\":\"50\"");
  }

  @Test
  void the_same_map_is_always_the_same_text() {
    var first = Map.<String, Value>of("b", new Value.Bool(true), "a", new Value.Text("x"));
    var second = Map.<String, Value>of("a", new Value.Text("x"), "b", new Value.Bool(true));

    assertThat(JsonCodec.values(first)).isEqualTo(JsonCodec.values(second));
  }

  @Test
  void empty_maps_and_lists_are_stored_as_null_and_read_back_empty() {
    assertThat(JsonCodec.values(Map.of())).isNull();
    assertThat(JsonCodec.strings(List.of())).isNull();
    assertThat(JsonCodec.counts(Map.of())).isNull();
    assertThat(JsonCodec.contributions(List.of())).isNull();
    assertThat(JsonCodec.values((String) null)).isEmpty();
    assertThat(JsonCodec.strings((String) null)).isEmpty();
    assertThat(JsonCodec.counts((String) null)).isEmpty();
    assertThat(JsonCodec.contributions((String) null)).isEmpty();
  }

  @Test
  void strings_counts_and_contributions_round_trip() {
    var strings = List.of("b", "a \"quoted\"", "ü");
    var counts = Map.of("events", 12L, "pages", 3L, "huge", Long.MAX_VALUE);
    var contributions =
        List.of(
            new Contribution("visited pricing", Kind.ENGAGEMENT, 3, 12.5),
            new Contribution("is a CTO", Kind.FIT, 1, -4));

    assertThat(JsonCodec.strings(JsonCodec.strings(strings))).isEqualTo(strings);
    assertThat(JsonCodec.counts(JsonCodec.counts(counts))).isEqualTo(counts);
    assertThat(JsonCodec.contributions(JsonCodec.contributions(contributions)))
        .isEqualTo(contributions);
  }

  @Test
  void a_tier_change_round_trips_with_or_without_an_earlier_tier() {
    var first =
        new TierChange("w", "m", "c", null, "hot", 90.5, Instant.parse("2026-11-22T10:00:00Z"));
    var second =
        new TierChange("w", "m", "c", "hot", "warm", 40, Instant.parse("2026-11-22T10:00:00.5Z"));

    assertThat(JsonCodec.tierChange(JsonCodec.tierChange(first))).isEqualTo(first);
    assertThat(JsonCodec.tierChange(JsonCodec.tierChange(second))).isEqualTo(second);
  }
}
