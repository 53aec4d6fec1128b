package io.leadscore.domain.reading;

import static io.leadscore.domain.reading.Trees.list;
import static io.leadscore.domain.reading.Trees.map;
import static io.leadscore.domain.reading.Trees.problems;
import static io.leadscore.domain.reading.Trees.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.model.condition.Value;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contacts: attributes and tags. */
class ContactReaderTest {

  @Test
  void reads_attributes_and_tags() {
    var tree =
        map(
            "attributes", map("title", "VP Sales", "company_size", 250, "address", map("country", "NL")),
            "tags", list("Active-2013-Prospect"));

    assertThat(valid(ContactReader.read(tree)))
        .isEqualTo(
            new Contact(
                Map.of(
                    "title", new Value.Text("VP Sales"),
                    "company_size", new Value.Number(250),
                    "address.country", new Value.Text("NL")),
                Set.of("active-2013-prospect")));
  }

  @Test
  void both_parts_are_optional() {
    assertThat(valid(ContactReader.read(map()))).isEqualTo(Contact.EMPTY);
  }

  @Test
  void tags_are_a_list_of_non_empty_strings() {
    assertThat(problems(ContactReader.read(map("tags", "vip")))).containsExactly("tags: must be a list");
    assertThat(problems(ContactReader.read(map("tags", list("vip", "", 3, null)))))
        .containsExactly("tags[1]: must not be empty", "tags[2]: must be a string", "tags[3]: must be a string");
  }

  @Test
  void attributes_are_checked_like_event_properties() {
    assertThat(problems(ContactReader.read(map("attributes", map("score", Double.POSITIVE_INFINITY)))))
        .containsExactly("attributes.score: must be a finite number");
    assertThat(problems(ContactReader.read(map("attributes", "x")))).containsExactly("attributes: must be an object");
  }

  @Test
  void unknown_keys_are_problems() {
    assertThat(problems(ContactReader.read(map("email", "a@ex.com", "tags", list()))))
        .containsExactly("email: unknown key");
  }

  @Test
  void a_tree_that_is_not_an_object_is_a_problem() {
    assertThat(problems(ContactReader.read(null))).containsExactly("must be an object");
  }
}
