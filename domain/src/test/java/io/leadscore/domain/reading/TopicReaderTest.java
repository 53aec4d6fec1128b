package io.leadscore.domain.reading;

import static io.leadscore.domain.reading.Trees.list;
import static io.leadscore.domain.reading.Trees.map;
import static io.leadscore.domain.reading.Trees.model;
import static io.leadscore.domain.reading.Trees.problems;
import static io.leadscore.domain.reading.Trees.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.model.Topic;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.rule.EventTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Topics (scoring-model.md, Semantics 5 and "Validation"). */
class TopicReaderTest {

  private static List<String> topicProblems(Object topic) {
    return problems(ModelReader.read(model("topics", list(topic))));
  }

  @Test
  void distinct_defaults_to_url_and_where_to_always() {
    var topic = map("id", "security", "on", "page.viewed", "interestedAt", 2);
    assertThat(valid(ModelReader.read(model("topics", list(topic)))).topics())
        .containsExactly(
            new Topic("security", new EventTypes.Exactly("page.viewed"), new Condition.Always(), "url", 2));
  }

  @Test
  void topic_requires_id_on_and_interested_at() {
    assertThat(topicProblems(map()))
        .containsExactly("topics[0].id: required", "topics[0].on: required", "topics[0].interestedAt: required");
  }

  @Test
  void topic_values_are_checked() {
    var topic =
        map("id", "x", "on", "page.viewed", "distinct", "", "interestedAt", 0, "where", map("tag", "t"), "name", "X");
    assertThat(topicProblems(topic))
        .containsExactly(
            "topics[0].distinct: must not be empty",
            "topics[0].interestedAt: must be an integer >= 1",
            "topics[0].where.tag: tag is allowed on contacts only",
            "topics[0].name: unknown key");
  }

  @Test
  void topic_ids_are_unique() {
    var topic = map("id", "x", "on", "page.viewed", "interestedAt", 1);
    assertThat(problems(ModelReader.read(model("topics", list(topic, topic)))))
        .containsExactly("topics[1].id: duplicate id 'x'");
  }
}
