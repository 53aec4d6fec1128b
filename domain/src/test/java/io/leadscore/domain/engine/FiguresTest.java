package io.leadscore.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rounding of API figures ("Rounding"): half away from zero on the shortest decimal form. */
class FiguresTest {

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({
    "0.125, 0.13",
    "-0.125, -0.13",
    "2.675, 2.68", // the double is 2.67499999..., its shortest form is 2.675
    "1.005, 1.01",
    "20.0, 20",
    "25.5, 25.5",
    "-0.0, 0",
    "-0.001, 0",
    "0.004999, 0",
    "1e-10, 0",
    "345.499, 345.5",
    "1e20, 100000000000000000000",
    "-7.999, -8"
  })
  void rounds_half_away_from_zero_to_two_decimals(double figure, String expected) {
    assertThat(Figures.round(figure).toPlainString()).isEqualTo(expected);
  }
}
