package io.leadscore.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.port.out.vendor.VendorContact;
import io.leadscore.application.port.out.vendor.VendorEvent;
import io.leadscore.domain.reading.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Identities are what both databases store, with no invisible or path-like ids. */
class IdentityReaderTest {

  private static List<String> problems(Map<String, Object> identity) {
    var problems = new ArrayList<Problem>();
    IdentityReader.read(identity, "contact.", problems);
    return problems.stream().map(Problem::toString).toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ada\u200b@example.com",
        "ada\u200c@example.com",
        "ada\u200d@example.com",
        "ada\u2060@example.com",
        "\ufeffada@example.com",
        "ada\u200e@example.com",
        "ada\u200f@example.com",
        "ada@exa\u202amplee.com",
        "ada@exa\u202emple.com",
        "ada@exa\u2066mple.com",
        "ada@exa\u2069mple.com",
        "ada\u061c@example.com",
        "ada\u0000@example.com",
        "ada\ud800@example.com",
        "ada\udb40\udc01@example.com",
        "ada\udb40\udc41@example.com",
        "ada\ud834\udd73@example.com",
        "ada\u034f@example.com",
        "ada\ufe0f@example.com",
        "ada\udb40\udd00@example.com",
        "ada\u115f@example.com",
        "ada\u3164@example.com",
        "ada\u17b4@example.com",
        "ada\u2800@example.com",
        "ada\u00a0@example.com",
        "ada\u2007@example.com"
      })
  void an_email_with_an_invisible_bidi_nul_or_unpaired_character_is_a_problem_at_its_path(
      String email) {
    assertThat(problems(Map.of("email", email)))
        .singleElement()
        .asString()
        .startsWith("contact.email: must ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "a/b", ".hidden", "-x", "_x", "a\u0000"})
  void a_path_like_or_unstorable_contact_id_is_a_problem(String id) {
    assertThat(problems(Map.of("id", id)))
        .containsExactly(
            "contact.id: must be 1 to 64 characters of A-Z a-z 0-9 . _ : -, starting with a letter"
                + " or digit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"c_dkw2rt2uottusazlwwnr", "crm:42", "A-1.b_2"})
  void ids_of_the_grammar_are_accepted(String id) {
    assertThat(problems(Map.of("id", id))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        ".",
        "a/b",
        "a\\b",
        "x\u0000",
        "\ud83d",
        "x\u200by",
        "x\ny",
        "x\u2028y",
        "x\udb40\udc01",
        "x\u00a0y",
        "x\ufe0f",
        "x\u2800"
      })
  void a_path_like_invisible_or_unstorable_external_id_is_a_problem(String id) {
    assertThat(problems(Map.of("externalId", Map.of("source", "crm", "id", id))))
        .singleElement()
        .asString()
        .startsWith("contact.externalId.id: must not be . or ..");
  }

  @ParameterizedTest
  @ValueSource(strings = {"42", "ada@example.com", "list-1:5f0c", "ACME 123", "\ud83d\ude00"})
  void vendor_external_ids_are_accepted(String id) {
    assertThat(problems(Map.of("externalId", Map.of("source", "crm", "id", id)))).isEmpty();
  }

  @Test
  void vendor_data_refuses_a_contact_with_an_unstorable_tag_naming_its_path() {
    var contact =
        new VendorContact(
            new io.leadscore.application.port.out.ExternalId("crm", "1"),
            "ada@example.com",
            Map.of(),
            List.of("ok", "t\u0000"),
            List.of());
    VendorData.Checked checked = VendorData.check("src", List.of(contact), List.<VendorEvent>of());

    assertThat(checked.contactErrors())
        .singleElement()
        .asString()
        .contains("addTags[1]: must not contain NUL (U+0000)");
  }

  @Test
  void a_numeric_external_id_must_be_an_integer() {
    assertThat(
            problems(Map.of("externalId", Map.of("source", "crm", "id", Double.POSITIVE_INFINITY))))
        .containsExactly("contact.externalId.id: must be a string or an integer");
    assertThat(problems(Map.of("externalId", Map.of("source", "crm", "id", 4.2))))
        .containsExactly("contact.externalId.id: must be a string or an integer");
    assertThat(problems(Map.of("externalId", Map.of("source", "crm", "id", 42L)))).isEmpty();
    assertThat(
            problems(
                Map.of(
                    "externalId",
                    Map.of(
                        "source", "crm", "id", new java.math.BigInteger("123456789012345678901")))))
        .isEmpty();
  }
}
