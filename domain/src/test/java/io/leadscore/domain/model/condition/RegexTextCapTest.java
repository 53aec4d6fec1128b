package io.leadscore.domain.model.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code matches} sees the first 10,000 characters of a value's text, as if they were all of it
 * (model-language.md, "Limits"): the cost of one match is bounded whatever the value's length.
 */
class RegexTextCapTest {
  private static final int CAP = 10_000;

  private static boolean matches(String regex, String text) {
    return new FieldTest.Matches(Pattern.compile(regex)).test(new Value.Text(text));
  }

  @Test
  void a_match_within_the_first_10000_characters_counts() {
    assertThat(matches("needle", "x".repeat(CAP - 6) + "needle" + "x".repeat(200_000))).isTrue();
  }

  @Test
  void a_match_that_starts_or_ends_beyond_the_first_10000_characters_does_not_count() {
    assertThat(matches("needle", "x".repeat(CAP) + "needle")).isFalse();
    assertThat(matches("needle", "x".repeat(CAP - 5) + "needle")).isFalse();
  }

  @Test
  void the_end_anchor_matches_where_the_text_is_cut() {
    assertThat(matches("x$", "x".repeat(CAP) + "y")).isTrue();
    assertThat(matches("y$", "x".repeat(CAP) + "y")).isFalse();
  }

  @Test
  void the_cut_never_splits_a_character() {
    String emoji = "\uD83D\uDE00";
    // the emoji's first half is character 10,000: cut before it, not through it
    assertThat(matches("\\x{D83D}", "x".repeat(CAP - 1) + emoji)).isFalse();
    assertThat(matches("x$", "x".repeat(CAP - 1) + emoji)).isTrue();
  }

  @Test
  void each_element_of_a_list_is_cut_on_its_own() {
    var list = new Value.Many(List.of(new Value.Text("x".repeat(CAP + 1)), new Value.Text("hit")));

    assertThat(new FieldTest.Matches(Pattern.compile("hit")).test(list)).isTrue();
    assertThat(new FieldTest.Matches(Pattern.compile("(x{1000}){10}x")).test(list)).isFalse();
  }
}
