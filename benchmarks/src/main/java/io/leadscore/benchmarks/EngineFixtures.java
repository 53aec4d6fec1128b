package io.leadscore.benchmarks;

import com.google.re2j.Pattern;
import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.Grade;
import io.leadscore.domain.model.Scale;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.Tier;
import io.leadscore.domain.model.Topic;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.condition.FieldTest;
import io.leadscore.domain.model.condition.Value;
import io.leadscore.domain.model.rule.Decay;
import io.leadscore.domain.model.rule.EngagementRule;
import io.leadscore.domain.model.rule.EventTypes;
import io.leadscore.domain.model.rule.FitRule;
import io.leadscore.domain.model.rule.Limit;
import io.leadscore.domain.model.rule.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic data for the engine benchmarks: a realistic 20-rule B2B model (6 fit, 14 engagement
 * rules using every trigger, limit and decay kind, one topic, tiers and grades), a contact, and
 * engagement histories of any length spread over the year before {@link #AS_OF}. Built from the
 * domain records directly (not from YAML) so the benchmarks measure the engine only. Same
 * arguments, same data, on every machine. Thread-safe (no shared mutable state).
 */
public final class EngineFixtures {

  /** The instant every benchmark scores at. */
  public static final Instant AS_OF = Instant.parse("2026-11-22T10:00:00Z");

  /** How far back histories reach: events fall in {@code (AS_OF - SPAN, AS_OF]}. */
  public static final Duration SPAN = Duration.ofDays(365);

  /** The seed the benchmarks use, so every run sees the same history. */
  public static final long SEED = 20261122L;

  static final List<String> SECURITY_URLS =
      List.of(
          "https://ex.com/blog/network-risks",
          "https://ex.com/blog/mobile-risks",
          "https://ex.com/blog/ransomware");
  static final String PRICING_URL = "https://ex.com/pricing";
  static final List<String> CASE_STUDY_URLS =
      List.of(
          "https://ex.com/customers/acme",
          "https://ex.com/customers/globex",
          "https://ex.com/customers/initech");

  private static final List<String> OTHER_URLS =
      List.of(
          "https://ex.com/",
          "https://ex.com/product",
          "https://ex.com/product/integrations",
          "https://ex.com/docs/getting-started",
          "https://ex.com/docs/api",
          "https://ex.com/blog/ai-scoring",
          "https://ex.com/blog/pipeline-hygiene",
          "https://ex.com/blog/quarterly-planning",
          "https://ex.com/about",
          "https://ex.com/careers",
          "https://ex.com/webinars/2026-q3",
          "https://ex.com/events/summit");
  private static final List<String> CAMPAIGNS =
      List.of(
          "newsletter-weekly",
          "product-launch",
          "security-series",
          "webinar-invite",
          "nurture-a",
          "nurture-b",
          "renewal",
          "whitepaper-2026");
  private static final List<String> FORMS =
      List.of(
          "newsletter", "newsletter", "webinar", "webinar", "contact-us", "trial", "consultation");
  private static final List<String> CONTENT =
      List.of("state-of-security-2026", "roi-calculator", "buyers-guide", "integration-checklist");

  /**
   * Event types with weights shaped like real engagement: opens outnumber clicks, clicks page
   * views, then forms, downloads, demo requests; unsubscribes are rare.
   */
  private static final List<String> TYPES =
      List.of(
          "email.opened",
          "email.clicked",
          "page.viewed",
          "form.submitted",
          "content.downloaded",
          "demo.requested",
          "email.unsubscribed");

  private static final int[] TYPE_WEIGHTS = {400, 220, 180, 90, 70, 30, 10};

  private EngineFixtures() {}

  /** The 20-rule model: 6 fit and 14 engagement rules, a topic, 3 tiers, 4 grades, 0 to 1000. */
  public static ScoringModel aModel() {
    List<FitRule> fit =
        List.of(
            new FitRule(
                "decision-maker",
                20,
                field(
                    "title",
                    new FieldTest.Matches(
                        Pattern.compile("(?i)\\b(vp|director|head|chief|owner|founder)\\b")))),
            new FitRule("target-account", 30, new Condition.HasTag("target-account")),
            new FitRule("company-email", 10, field("email", new FieldTest.EndsWith("@acme.io"))),
            new FitRule(
                "mid-market",
                15,
                field("company_size", new FieldTest.Between(number(50), number(1000)))),
            new FitRule(
                "target-industry",
                10,
                field(
                    "industry",
                    new FieldTest.In(List.of(text("software"), text("fintech"), text("saas"))))),
            new FitRule(
                "student-or-academic",
                -40,
                new Condition.Any(
                    List.of(
                        field("title", new FieldTest.Contains("student")),
                        field("email", new FieldTest.EndsWith(".edu"))))));

    Condition always = new Condition.Always();
    Limit unlimited = new Limit.Unlimited();
    Trigger each = new Trigger.EachEvent();
    Decay none = new Decay.None();
    List<EngagementRule> engagement =
        List.of(
            new EngagementRule(
                "email-open",
                2,
                exactly("email.opened"),
                always,
                each,
                new Limit.TimesPer(10, days(7)),
                new Decay.PerDay(0.5)),
            new EngagementRule(
                "engaged-reader",
                15,
                exactly("email.opened"),
                always,
                new Trigger.Count(3, days(30)),
                unlimited,
                new Decay.HalfLife(days(30))),
            new EngagementRule(
                "email-click",
                10,
                exactly("email.clicked"),
                always,
                each,
                new Limit.TimesPer(5, days(30)),
                new Decay.HalfLife(days(30))),
            new EngagementRule(
                "security-reading",
                5,
                exactly("email.clicked"),
                field("url", in(SECURITY_URLS)),
                each,
                unlimited,
                new Decay.Expires(days(90))),
            new EngagementRule(
                "pricing-page",
                20,
                exactly("page.viewed"),
                field("url", new FieldTest.Equals(text(PRICING_URL))),
                each,
                new Limit.TimesPer(1, Duration.ofDays(1)),
                new Decay.HalfLife(days(14))),
            new EngagementRule(
                "case-study",
                8,
                new EventTypes.OneOf(List.of(exactly("page.viewed"), exactly("email.clicked"))),
                field("url", in(CASE_STUDY_URLS)),
                each,
                new Limit.Times(6),
                new Decay.HalfLife(days(60))),
            new EngagementRule(
                "page-view",
                1,
                exactly("page.viewed"),
                always,
                each,
                new Limit.TimesPer(20, Duration.ofDays(1)),
                new Decay.Expires(days(30))),
            new EngagementRule(
                "consultation-request",
                310,
                exactly("form.submitted"),
                field("form", new FieldTest.Equals(text("consultation"))),
                each,
                new Limit.Times(1),
                none),
            new EngagementRule(
                "webinar-signup",
                25,
                exactly("form.submitted"),
                field("form", new FieldTest.Equals(text("webinar"))),
                each,
                unlimited,
                new Decay.HalfLife(days(60))),
            new EngagementRule(
                "any-form",
                10,
                exactly("form.submitted"),
                always,
                each,
                new Limit.Times(10),
                new Decay.PerDay(0.2)),
            new EngagementRule(
                "content-download",
                15,
                exactly("content.downloaded"),
                always,
                each,
                new Limit.TimesPer(3, days(7)),
                new Decay.HalfLife(days(45))),
            new EngagementRule(
                "active-week",
                20,
                new EventTypes.OneOf(
                    List.of(new EventTypes.StartingWith("email"), exactly("page.viewed"))),
                new Condition.Not(field("campaign", new FieldTest.Equals(text("renewal")))),
                new Trigger.Count(3, days(7)),
                new Limit.TimesPer(2, days(30)),
                new Decay.Expires(days(60))),
            new EngagementRule(
                "demo-request",
                100,
                exactly("demo.requested"),
                always,
                each,
                new Limit.Times(1),
                none),
            new EngagementRule(
                "unsubscribed",
                -50,
                exactly("email.unsubscribed"),
                always,
                each,
                new Limit.Times(1),
                none));

    List<Topic> topics =
        List.of(
            new Topic(
                "network-security",
                exactly("email.clicked"),
                field("url", in(SECURITY_URLS)),
                "url",
                3));
    List<Tier> tiers = List.of(new Tier("cold", 0), new Tier("warm", 50), new Tier("hot", 100));
    List<Grade> grades =
        List.of(
            new Grade("D", -1_000_000), new Grade("C", 10), new Grade("B", 30), new Grade("A", 60));
    return new ScoringModel(
        "b2b-default", "B2B default", new Scale(0, 1000), fit, engagement, topics, tiers, grades);
  }

  /**
   * A VP at a 250-person software company on a target account: most fit rules hold, the negative
   * one does not.
   */
  public static Contact aContact() {
    Map<String, Value> attributes = new LinkedHashMap<>();
    attributes.put("email", text("dana.lee@acme.io"));
    attributes.put("title", text("VP of Marketing Operations"));
    attributes.put("company", text("Acme"));
    attributes.put("industry", text("Software"));
    attributes.put("company_size", number(250));
    attributes.put("country", text("DE"));
    attributes.put("lifecycle_stage", text("mql"));
    return new Contact(attributes, Set.of("Target-Account", "newsletter"));
  }

  /**
   * {@code n} events of one contact in {@code (AS_OF - SPAN, AS_OF]}, in the engine's order ({@code
   * occurredAt}, then {@code eventKey}), with unique keys. Immutable.
   */
  public static List<Event> events(int n, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("n: must be >= 0, was " + n);
    }
    var random = new Random(seed);
    int totalWeight = 0;
    for (int weight : TYPE_WEIGHTS) {
      totalWeight += weight;
    }
    long spanSeconds = SPAN.toSeconds();
    var events = new ArrayList<Event>(n);
    for (int i = 0; i < n; i++) {
      String type = TYPES.get(pick(random, totalWeight));
      // Whole seconds, as vendors report them; ties on occurredAt are possible and ordered by key.
      Instant occurredAt = AS_OF.minusSeconds(random.nextLong(spanSeconds));
      // Keys are unique by their counter; the seed keeps histories of different seeds apart.
      String key = "evt-" + Long.toString(seed & 0xffff, 36) + "-" + i;
      events.add(new Event(key, type, occurredAt, properties(type, random)));
    }
    events.sort(Event.ORDER);
    return List.copyOf(events);
  }

  /** The same events in a seeded random arrival order, for folding into an incremental state. */
  public static List<Event> shuffled(List<Event> events, long seed) {
    var copy = new ArrayList<>(events);
    Collections.shuffle(copy, new Random(seed));
    return List.copyOf(copy);
  }

  /**
   * The points a do-it-yourself scorer would add per event type (baseline a): the sum of the points
   * of the engagement rules that name the type, ignoring where, count, limit and decay.
   */
  public static Map<String, Double> pointsByType(ScoringModel model) {
    var points = new HashMap<String, Double>();
    for (EngagementRule rule : model.engagement()) {
      for (String type : namedTypes(rule.on())) {
        points.merge(type, rule.points(), Double::sum);
      }
    }
    return points;
  }

  private static List<String> namedTypes(EventTypes on) {
    return switch (on) {
      case EventTypes.Exactly(String type) -> List.of(type);
      case EventTypes.OneOf(List<EventTypes> options) ->
          options.stream().flatMap(o -> namedTypes(o).stream()).toList();
      case EventTypes.StartingWith(String prefix) ->
          TYPES.stream().filter(t -> t.startsWith(prefix + ".")).toList();
      case EventTypes.AnyType() -> TYPES;
    };
  }

  private static int pick(Random random, int totalWeight) {
    int r = random.nextInt(totalWeight);
    for (int i = 0; i < TYPE_WEIGHTS.length; i++) {
      r -= TYPE_WEIGHTS[i];
      if (r < 0) {
        return i;
      }
    }
    throw new AssertionError("weights do not add up");
  }

  private static Map<String, Value> properties(String type, Random random) {
    var properties = new HashMap<String, Value>();
    String campaign = CAMPAIGNS.get(random.nextInt(CAMPAIGNS.size()));
    switch (type) {
      case "email.opened", "email.unsubscribed" -> properties.put("campaign", text(campaign));
      case "email.clicked" -> {
        properties.put("campaign", text(campaign));
        properties.put("url", text(url(random)));
      }
      case "page.viewed" -> {
        properties.put("url", text(url(random)));
        if (random.nextInt(3) == 0) {
          properties.put("campaign", text(campaign));
        }
      }
      case "form.submitted" -> {
        properties.put("form", text(FORMS.get(random.nextInt(FORMS.size()))));
        properties.put("url", text("https://ex.com/forms"));
      }
      case "content.downloaded" -> {
        properties.put("content", text(CONTENT.get(random.nextInt(CONTENT.size()))));
        properties.put("campaign", text(campaign));
      }
      case "demo.requested" -> properties.put("url", text("https://ex.com/demo"));
      default -> throw new AssertionError("unknown type " + type);
    }
    return properties;
  }

  /** Mostly ordinary pages; security articles, case studies and pricing are each a few percent. */
  private static String url(Random random) {
    int r = random.nextInt(100);
    if (r < 6) {
      return SECURITY_URLS.get(random.nextInt(SECURITY_URLS.size()));
    } else if (r < 10) {
      return CASE_STUDY_URLS.get(random.nextInt(CASE_STUDY_URLS.size()));
    } else if (r < 15) {
      return PRICING_URL;
    }
    return OTHER_URLS.get(random.nextInt(OTHER_URLS.size()));
  }

  private static Condition field(String name, FieldTest test) {
    return new Condition.OnField(name, test);
  }

  private static FieldTest in(List<String> values) {
    return new FieldTest.In(values.stream().<Value.Scalar>map(Value.Text::new).toList());
  }

  private static EventTypes exactly(String type) {
    return new EventTypes.Exactly(type);
  }

  private static Duration days(long days) {
    return Duration.ofDays(days);
  }

  private static Value.Text text(String value) {
    return new Value.Text(value);
  }

  private static Value.Number number(double value) {
    return new Value.Number(value);
  }
}
