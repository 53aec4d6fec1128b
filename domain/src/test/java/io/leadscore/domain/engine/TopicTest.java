package io.leadscore.domain.engine;

import static io.leadscore.domain.fixtures.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.Topic;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.condition.FieldTest;
import io.leadscore.domain.model.condition.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Topic interest: distinct items among matching events (Semantics 5). */
class TopicTest {
  private static final String NETWORK = "https://ex.com/blog/network-risks";
  private static final String MOBILE = "https://ex.com/blog/mobile-risks";
  private static final String RANSOMWARE = "https://ex.com/blog/ransomware";

  private static final Topic SECURITY =
      new Topic(
          "network-security",
          types("email.clicked"),
          new Condition.OnField(
              "url",
              new FieldTest.In(List.of(new Value.Text(NETWORK), new Value.Text(MOBILE), new Value.Text(RANSOMWARE)))),
          "url",
          3);
  private static final ScoringModel MODEL = withTopics(engagementModel(), SECURITY);

  private static LeadScore.TopicInterest interest(double asOfDay, Event... events) {
    return ScoringEngine.score(MODEL, Contact.EMPTY, List.of(events), T0.plus(days(asOfDay))).topics().getFirst();
  }

  @Test
  void a_contact_who_clicked_all_three_security_articles_is_interested() {
    var interest =
        interest(
            10,
            event("a", "email.clicked", days(0), "url", NETWORK),
            event("b", "email.clicked", days(1), "url", MOBILE),
            event("c", "email.clicked", days(2), "url", RANSOMWARE));
    assertThat(interest).isEqualTo(new LeadScore.TopicInterest("network-security", 3, true));
  }

  @Test
  void the_same_article_twice_is_one_item() {
    var interest =
        interest(
            10,
            event("a", "email.clicked", days(0), "url", NETWORK),
            event("b", "email.clicked", days(1), "url", NETWORK),
            event("c", "email.clicked", days(2), "url", MOBILE));
    assertThat(interest).isEqualTo(new LeadScore.TopicInterest("network-security", 2, false));
  }

  @Test
  void items_compare_case_sensitively_but_the_in_filter_does_not() {
    // "RANSOMWARE" passes the case-insensitive `in`, and counts as an item distinct from "ransomware"
    var interest =
        interest(
            10,
            event("a", "email.clicked", days(0), "url", RANSOMWARE),
            event("b", "email.clicked", days(1), "url", RANSOMWARE.toUpperCase()));
    assertThat(interest.items()).isEqualTo(2);
  }

  @Test
  void events_without_the_distinct_property_or_of_other_types_do_not_count() {
    var interest =
        interest(
            10,
            event("a", "email.clicked", days(0)),
            event("b", "email.opened", days(1), "url", NETWORK),
            event("c", "email.clicked", days(2), "url", "https://ex.com/pricing"));
    assertThat(interest.items()).isZero();
  }

  @Test
  void events_after_as_of_do_not_count() {
    Event[] events = {
      event("a", "email.clicked", days(0), "url", NETWORK),
      event("b", "email.clicked", days(1), "url", MOBILE),
      event("c", "email.clicked", days(5), "url", RANSOMWARE)
    };
    assertThat(interest(4, events).interested()).isFalse();
    assertThat(interest(5, events).interested()).isTrue();
  }

  @Test
  void a_list_valued_distinct_property_counts_each_element() {
    var interest = interest(10, event("a", "email.clicked", days(0), "url", List.of(NETWORK, MOBILE, RANSOMWARE)));
    assertThat(interest.items()).isEqualTo(3);
  }

  @Test
  void topics_are_listed_in_model_order_even_with_no_items() {
    Topic other = new Topic("pricing", types("page.viewed"), new Condition.Always(), "url", 1);
    ScoringModel model = withTopics(engagementModel(), SECURITY, other);
    var topics = ScoringEngine.score(model, Contact.EMPTY, List.of(), T0).topics();
    assertThat(topics).extracting(LeadScore.TopicInterest::topic).containsExactly("network-security", "pricing");
  }
}
