package io.leadscore.adapter.http.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.leadscore.domain.engine.Figures;
import io.leadscore.domain.engine.LeadScore;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON form of a {@link LeadScore}, shared by the CLI ({@code leadscore score}) and, later, the
 * HTTP API (scoring-model.md, "Output"). Keys in the spec's order; figures rounded by {@link
 * Figures#round} (half away from zero, 2 decimals, integral figures as JSON integers); {@code
 * version} is null for a model read from a file; {@code tier} and {@code grade} are null when the
 * model has none. Immutable.
 */
@JsonPropertyOrder({
  "model",
  "version",
  "asOf",
  "score",
  "fit",
  "engagement",
  "tier",
  "grade",
  "topics",
  "breakdown"
})
public record LeadScoreJson(
    String model,
    Integer version,
    String asOf,
    BigDecimal score,
    BigDecimal fit,
    BigDecimal engagement,
    String tier,
    String grade,
    List<TopicJson> topics,
    List<ContributionJson> breakdown) {

  public LeadScoreJson {
    topics = List.copyOf(topics);
    breakdown = List.copyOf(breakdown);
  }

  /** One topic's interest. */
  @JsonPropertyOrder({"topic", "items", "interested"})
  public record TopicJson(String topic, int items, boolean interested) {}

  /** One rule's share of the score; {@code kind} is {@code fit} or {@code engagement}. */
  @JsonPropertyOrder({"rule", "kind", "awards", "points"})
  public record ContributionJson(String rule, String kind, int awards, BigDecimal points) {
    /** A contribution with its points rounded. */
    public static ContributionJson from(LeadScore.Contribution contribution) {
      return new ContributionJson(
          contribution.rule(),
          contribution.kind().jsonName(),
          contribution.awards(),
          Figures.round(contribution.points()));
    }
  }

  /**
   * Converts a LeadScore, rounding its figures; {@code version} is null for a model from a file.
   */
  public static LeadScoreJson from(LeadScore score, Integer version) {
    return new LeadScoreJson(
        score.model(),
        version,
        score.asOf().toString(),
        Figures.round(score.score()),
        Figures.round(score.fit()),
        Figures.round(score.engagement()),
        score.tier(),
        score.grade(),
        score.topics().stream()
            .map(topic -> new TopicJson(topic.topic(), topic.items(), topic.interested()))
            .toList(),
        score.breakdown().stream().map(ContributionJson::from).toList());
  }

  private static final ObjectWriter PRETTY = prettyWriter();

  /**
   * This LeadScore as pretty-printed JSON: two-space indent, {@code "key": value}, one array
   * element per line, {@code []} when empty, {@code \n} line ends, no trailing newline.
   */
  public String toPrettyJson() {
    try {
      return PRETTY.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a LeadScoreJson always serialises", e);
    }
  }

  private static ObjectWriter prettyWriter() {
    var indenter = new DefaultIndenter("  ", "\n");
    var separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    var printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    return JsonMapper.builder()
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build()
        .writer(printer);
  }
}
