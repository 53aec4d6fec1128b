package io.leadscore.domain.model.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import io.leadscore.domain.fixtures.ModelFixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The predicate language ("Predicates", "Numbers and text", "Missing and lists"). */
class ConditionTest {

  private static boolean holds(Condition condition, Object... fields) {
    return condition.holds(ModelFixtures.props(fields), Set.of());
  }

  private static Condition field(String name, FieldTest test) {
    return new Condition.OnField(name, test);
  }

  private static Value.Text text(String s) {
    return new Value.Text(s);
  }

  private static Value.Number number(double d) {
    return new Value.Number(d);
  }

  @Test
  void equals_compares_text_case_insensitively() {
    assertThat(
            holds(
                field("form", new FieldTest.Equals(text("consultation"))), "form", "CONSULTATION"))
        .isTrue();
    assertThat(holds(field("form", new FieldTest.Equals(text("consultation"))), "form", "consult"))
        .isFalse();
  }

  @Test
  void equals_compares_as_numbers_when_both_sides_read_as_numbers() {
    var fifty = field("size", new FieldTest.Equals(number(50)));
    assertThat(holds(fifty, "size", "50")).isTrue();
    assertThat(holds(fifty, "size", "50.0")).isTrue();
    assertThat(holds(fifty, "size", "5e1")).isTrue();
    assertThat(holds(fifty, "size", 50)).isTrue();
    assertThat(holds(fifty, "size", " 50")).isFalse(); // blanks do not read as a number
    assertThat(holds(fifty, "size", "0x32")).isFalse();
    assertThat(holds(field("size", new FieldTest.Equals(text("50"))), "size", 50.0)).isTrue();
  }

  @Test
  void booleans_compare_by_their_text_form() {
    assertThat(holds(field("vip", new FieldTest.Equals(new Value.Bool(true))), "vip", "TRUE"))
        .isTrue();
    assertThat(holds(field("vip", new FieldTest.Equals(text("false"))), "vip", false)).isTrue();
  }

  @Test
  void in_matches_any_listed_value() {
    var in = field("country", new FieldTest.In(List.of(text("FR"), text("de"), number(1))));
    assertThat(holds(in, "country", "fr")).isTrue();
    assertThat(holds(in, "country", "1.0")).isTrue();
    assertThat(holds(in, "country", "uk")).isFalse();
  }

  @Test
  void contains_and_ends_with_ignore_case_and_use_the_text_form() {
    assertThat(holds(field("title", new FieldTest.Contains("student")), "title", "PhD Student"))
        .isTrue();
    assertThat(holds(field("email", new FieldTest.EndsWith("@acme.com")), "email", "Bob@ACME.com"))
        .isTrue();
    assertThat(holds(field("email", new FieldTest.EndsWith("@acme.com")), "email", "acme.com"))
        .isFalse();
    assertThat(holds(field("size", new FieldTest.Contains("00")), "size", 5000.0)).isTrue();
    assertThat(holds(field("size", new FieldTest.Contains(".")), "size", 5000.0))
        .isFalse(); // "5000", not "5000.0"
  }

  @Test
  void matches_finds_anywhere_with_re2_syntax() {
    var decisionMaker =
        field(
            "title",
            new FieldTest.Matches(
                Pattern.compile("(?i)\\b(vp|director|head|chief|owner|founder)\\b")));
    assertThat(holds(decisionMaker, "title", "Regional VP of Sales")).isTrue();
    assertThat(holds(decisionMaker, "title", "Head of Growth")).isTrue();
    assertThat(holds(decisionMaker, "title", "Headhunter")).isFalse();
    assertThat(holds(field("title", new FieldTest.Matches(Pattern.compile("vp"))), "title", "VP"))
        .isFalse();
  }

  @Test
  void matches_stays_linear_on_pathological_patterns_and_long_fields() {
    // (a+)+$ backtracks exponentially in java.util.regex; RE2 answers in linear time
    var evil = field("title", new FieldTest.Matches(Pattern.compile("(a+)+$")));
    // (a regex sees at most the first 10,000 characters: RegexTextCapTest)
    String tenThousand = "a".repeat(9_999) + "!";
    assertThat(holds(evil, "title", tenThousand)).isFalse();
  }

  @Test
  void between_is_inclusive_and_numeric_when_both_read_as_numbers() {
    var size = field("company_size", new FieldTest.Between(number(10), number(50)));
    assertThat(holds(size, "company_size", 10)).isTrue();
    assertThat(holds(size, "company_size", "50")).isTrue();
    assertThat(holds(size, "company_size", 50.5)).isFalse();
    assertThat(holds(size, "company_size", "9")).isFalse(); // as text "9" > "10"; as numbers 9 < 10
  }

  @Test
  void between_compares_lower_cased_text_otherwise_so_iso_dates_work() {
    var year = field("signup", new FieldTest.Between(text("2026-01-01"), text("2026-12-31")));
    assertThat(holds(year, "signup", "2026-06-15")).isTrue();
    assertThat(holds(year, "signup", "2025-12-31")).isFalse();
    var letters = field("name", new FieldTest.Between(text("a"), text("m")));
    assertThat(holds(letters, "name", "Kim")).isTrue();
  }

  @Test
  void exists_tells_present_from_missing_and_null_is_missing() {
    var exists = field("phone", new FieldTest.Exists(true));
    var absent = field("phone", new FieldTest.Exists(false));
    assertThat(holds(exists, "phone", "555")).isTrue();
    assertThat(holds(exists)).isFalse();
    assertThat(holds(absent)).isTrue();
    var withNull = new java.util.HashMap<String, Object>();
    withNull.put("phone", null);
    assertThat(absent.holds(Values.flatten(withNull), Set.of())).isTrue();
  }

  @Test
  void a_missing_field_never_matches_except_under_not_and_exists_false() {
    assertThat(holds(field("title", new FieldTest.Equals(text("x"))))).isFalse();
    assertThat(holds(field("title", new FieldTest.Contains("")))).isFalse();
    assertThat(holds(new Condition.Not(field("title", new FieldTest.Contains("student")))))
        .isTrue();
  }

  @Test
  void a_list_valued_field_matches_when_any_element_matches_and_not_negates_the_whole() {
    var security = field("interests", new FieldTest.Equals(text("security")));
    assertThat(holds(security, "interests", List.of("cloud", "Security"))).isTrue();
    assertThat(holds(new Condition.Not(security), "interests", List.of("cloud", "Security")))
        .isFalse();
    assertThat(holds(new Condition.Not(security), "interests", List.of("cloud"))).isTrue();
  }

  @Test
  void an_empty_list_matches_nothing_but_exists_true() {
    assertThat(holds(field("interests", new FieldTest.Exists(true)), "interests", List.of()))
        .isTrue();
    assertThat(holds(field("interests", new FieldTest.Contains("")), "interests", List.of()))
        .isFalse();
    assertThat(holds(field("interests", new FieldTest.Exists(false)), "interests", List.of()))
        .isFalse();
  }

  @Test
  void tag_compares_case_insensitively() {
    var tag = new Condition.HasTag("Active-2013-Prospect");
    assertThat(tag.holds(Map.of(), Set.of("active-2013-prospect"))).isTrue();
    assertThat(ModelFixtures.taggedContact(Set.of("ACTIVE-2013-PROSPECT")).tags())
        .contains("active-2013-prospect");
  }

  @Test
  void all_any_and_not_combine_predicates() {
    var vp = field("title", new FieldTest.Contains("vp"));
    var fr = field("country", new FieldTest.Equals(text("fr")));
    assertThat(holds(new Condition.All(List.of(vp, fr)), "title", "VP", "country", "FR")).isTrue();
    assertThat(holds(new Condition.All(List.of(vp, fr)), "title", "VP", "country", "DE")).isFalse();
    assertThat(holds(new Condition.Any(List.of(vp, fr)), "title", "CTO", "country", "FR")).isTrue();
    assertThat(holds(new Condition.Any(List.of(vp, fr)), "title", "CTO")).isFalse();
  }

  @Test
  void nested_properties_are_read_as_dotted_names() {
    var source = field("utm.source", new FieldTest.Equals(text("newsletter")));
    assertThat(
            source.holds(Values.flatten(Map.of("utm", Map.of("source", "Newsletter"))), Set.of()))
        .isTrue();
  }

  @Test
  void numbers_have_a_text_form_without_a_decimal_point_when_integral() {
    assertThat(Value.textOf(50.0)).isEqualTo("50");
    assertThat(Value.textOf(-0.0)).isEqualTo("0");
    assertThat(Value.textOf(2.5)).isEqualTo("2.5");
    assertThat(Value.textOf(1e21)).isEqualTo("1000000000000000000000");
    assertThat(Value.textOf(0.00001)).isEqualTo("0.00001");
  }
}
