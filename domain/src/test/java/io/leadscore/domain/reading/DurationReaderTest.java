package io.leadscore.domain.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationReaderTest {

  static Stream<Arguments> valid_durations() {
    return Stream.of(
        Arguments.of("P30D", Duration.ofDays(30)),
        Arguments.of("P2W", Duration.ofDays(14)),
        Arguments.of("PT12H", Duration.ofHours(12)),
        Arguments.of("PT15M", Duration.ofMinutes(15)),
        Arguments.of("PT45S", Duration.ofSeconds(45)),
        Arguments.of("PT1.5S", Duration.ofMillis(1500)),
        Arguments.of("PT0.000000001S", Duration.ofNanos(1)),
        Arguments.of("P1W2D", Duration.ofDays(9)),
        Arguments.of("P1DT6H", Duration.ofHours(30)),
        Arguments.of("P1W1DT1H1M1.25S", Duration.ofSeconds(8 * 86_400 + 3_661, 250_000_000)));
  }

  @ParameterizedTest
  @MethodSource
  void valid_durations(String text, Duration expected) {
    assertThat(Trees.valid(DurationReader.parse(text))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1000000D", "P00030D"})
  void leading_zeros_and_the_maximum_are_accepted(String text) {
    assertThat(DurationReader.parse(text)).isInstanceOf(Read.Valid.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "P", "PT", "P1DT", "30D", "p30d", "P30d", "pt12h", "P1.5D", "PT1.5H", "PT1.S", "PT.5S",
        "P1D2W", "PT1S2H", "P1D1D", "PT1H1H", "P1H", "PT1D", "P 1D", "P1D ", " P1D", "P+1D",
        "P1,5D", "PT1,5S", "P١D", "PT1.0000000001S", "P1DT1", "PT", "P1", "30", "P30DT0H0M0S0"
      })
  void malformed_text_is_not_an_iso_duration(String text) {
    assertThat(Trees.problems(DurationReader.parse(text))).containsExactly("not an ISO-8601 duration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1M", "P1Y", "P1Y2M3D", "P2M", "P1MT1H"})
  void months_and_years_are_rejected_with_the_reason(String text) {
    assertThat(Trees.problems(DurationReader.parse(text)))
        .containsExactly("months and years are not allowed (no fixed length)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P0D", "PT0S", "PT0.0S", "P0W0D", "-P1D", "P-1D", "PT-5S"})
  void zero_and_negative_durations_must_be_positive(String text) {
    assertThat(Trees.problems(DurationReader.parse(text))).containsExactly("must be positive");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "P1000001D", "P999999999999999999999999999999D", "PT99999999999999999999H",
        "P142858W1D", "P9223372036854775807W", "PT86400000001S"
      })
  void absurdly_long_durations_are_a_problem_not_an_overflow(String text) {
    assertThat(Trees.problems(DurationReader.parse(text))).containsExactly("must be at most P1000000D");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1D", "PT1H"})
  void problems_have_an_empty_path_for_the_caller_to_fill(String text) {
    assertThat(DurationReader.parse(text + "x"))
        .isEqualTo(new Read.Invalid<Duration>(List.of(new Problem("", "not an ISO-8601 duration"))));
  }
}
