package io.leadscore.domain.reading;

import io.leadscore.domain.model.Grade;
import io.leadscore.domain.model.Scale;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.Tier;
import io.leadscore.domain.model.Topic;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.rule.Decay;
import io.leadscore.domain.model.rule.EngagementRule;
import io.leadscore.domain.model.rule.EventTypes;
import io.leadscore.domain.model.rule.FitRule;
import io.leadscore.domain.model.rule.Limit;
import io.leadscore.domain.model.rule.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a scoring model from a generic tree (scoring-model.md, "Document", "Precise details" and
 * "Validation"): the model, or every problem with its path, in document order. Validation is
 * strict: unknown keys anywhere, wrong types, missing required keys, bad ids, durations, regexes
 * and orderings are all problems, and a model with any problem is rejected whole.
 *
 * <p>Choices where the spec is silent: a key present with {@code null} is a wrong type, not absent;
 * integral doubles ({@code 3.0}) count as integers; {@code name} defaults to the id and must not be
 * empty; a single-element {@code on} list reads as its element. The model's cost is bounded
 * (model-language.md, "Limits"): {@code fit} and {@code engagement} together at most {@value
 * #MAX_RULES} rules, at most {@value #MAX_TOPICS} topics, {@value #MAX_TIERS} tiers, {@value
 * #MAX_GRADES} grades, {@value #MAX_PREDICATES} predicates and a total regex program size of
 * {@value #MAX_REGEX_SIZE}; predicate operands are described in {@link PredicateReader}, durations
 * in {@link DurationReader}. Stateless and thread-safe; never throws on any input.
 */
public final class ModelReader {
  private ModelReader() {}

  /** The most rules {@code fit} and {@code engagement} may hold together. */
  public static final int MAX_RULES = 500;

  /** The most topics a model may have. */
  public static final int MAX_TOPICS = 200;

  /** The most characters of a model's name or a grade id. */
  public static final int MAX_NAME = 100;

  /** The most characters of a field path, a topic's {@code distinct} or an event type. */
  public static final int MAX_FIELD = 200;

  /** The most event types or prefixes in one {@code on} list. */
  public static final int MAX_ON_TYPES = 100;

  /** The most tiers a model may have. */
  public static final int MAX_TIERS = 50;

  /** The most grades a model may have. */
  public static final int MAX_GRADES = 50;

  /**
   * The most predicates (each {@code field}, {@code tag}, {@code all}, {@code any} and {@code not},
   * and each value of an {@code in} list) in the whole model: each is evaluated per contact or per
   * event, so this bounds a score's work per event.
   */
  public static final int MAX_PREDICATES = 5_000;

  /**
   * The largest total estimated program size of a model's regular expressions ({@link
   * RegexCheck#expandedSize}, summed): matching costs the text's length times this, per event.
   */
  public static final long MAX_REGEX_SIZE = 20_000;

  /** The largest size of a rule's points. */
  public static final double MAX_POINTS = 1e9;

  private static final Set<String> MODEL_KEYS =
      Set.of("id", "name", "scale", "fit", "engagement", "topics", "tiers", "grades");
  private static final Set<String> SCALE_KEYS = Set.of("floor", "cap");
  private static final Set<String> FIT_KEYS = Set.of("id", "points", "when");
  private static final Set<String> ENGAGEMENT_KEYS =
      Set.of("id", "points", "on", "where", "count", "limit", "decay");
  private static final Set<String> COUNT_KEYS = Set.of("atLeast", "within");
  private static final Set<String> LIMIT_KEYS = Set.of("times", "per");
  private static final List<String> DECAY_KINDS = List.of("halfLife", "perDay", "after");
  private static final Set<String> TOPIC_KEYS =
      Set.of("id", "on", "where", "distinct", "interestedAt");
  private static final Set<String> LEVEL_KEYS = Set.of("id", "from");

  private static final Pattern TYPE_PREFIX = Pattern.compile("[a-z0-9_-]+(?:\\.[a-z0-9_-]+)*");

  /**
   * Reads a model from a tree of {@code Map}/{@code List}/{@code String}/{@code Number}/{@code
   * Boolean}/null as JSON or YAML parsers give it.
   *
   * @return {@link Read.Valid} with the model, or {@link Read.Invalid} with every problem
   */
  public static Read<ScoringModel> read(Object tree) {
    var problems = new ProblemList();
    return problems.result(new Session(problems).model(tree));
  }

  /** One read: the problems found so far. */
  private static final class Session {
    private final ProblemList problems;
    private final PredicateReader contactPredicates;
    private final PredicateReader eventPredicates;

    Session(ProblemList problems) {
      this.problems = problems;
      this.contactPredicates = new PredicateReader(problems, true);
      this.eventPredicates = new PredicateReader(problems, false);
    }

    ScoringModel model(Object tree) {
      TreeObject model = TreeObject.of(tree, TreePath.ROOT, problems);
      if (model == null) {
        return null;
      }
      model.rejectUnknown(MODEL_KEYS, "unknown key");
      String id = model.required("id", (node, path) -> Scalars.id(node, path, problems));
      String name =
          model.optional(
              "name", (node, path) -> Scalars.boundedString(node, path, problems, MAX_NAME), id);
      Scale scale = model.optional("scale", this::scale, Scale.UNBOUNDED);
      var spent = new Spent();
      List<FitRule> fit =
          model.optional(
              "fit", (node, path) -> list(node, path, this::fitRule, FitRule::id), List.of());
      spent.after(model.at("fit"));
      List<EngagementRule> engagement =
          model.optional(
              "engagement",
              (node, path) -> list(node, path, this::engagementRule, EngagementRule::id),
              List.of());
      spent.after(model.at("engagement"));
      List<Topic> topics =
          model.optional(
              "topics",
              (node, path) -> capped(node, path, "topics", MAX_TOPICS, this::topicList),
              List.of());
      spent.after(model.at("topics"));
      List<Tier> tiers =
          model.optional(
              "tiers",
              (node, path) -> capped(node, path, "tiers", MAX_TIERS, this::tiers),
              List.of());
      List<Grade> grades =
          model.optional(
              "grades",
              (node, path) -> capped(node, path, "grades", MAX_GRADES, this::grades),
              List.of());
      ruleCount(model);
      spent.report();
      if (scale != null
          && tiers != null
          && scale.hasFloor()
          && !tiers.isEmpty()
          && tiers.get(0).from() > scale.floor()) {
        problems.add(
            keyPath(firstItem(model.get("tiers")), model.at("tiers").index(0), "from"),
            "must be at most the scale's floor (" + text(scale.floor()) + ")");
      }
      if (!problems.isEmpty()
          || id == null
          || name == null
          || scale == null
          || fit == null
          || engagement == null
          || topics == null
          || tiers == null
          || grades == null) {
        return null;
      }
      return new ScoringModel(id, name, scale, fit, engagement, topics, tiers, grades);
    }

    private List<Topic> topicList(Object node, TreePath path) {
      return list(node, path, this::topic, Topic::id);
    }

    /**
     * A list of at most {@code max} items read by {@code reader}; a longer one is reported with its
     * length and not read (its items would only cost time).
     */
    private <T> List<T> capped(
        Object node, TreePath path, String what, int max, TreeObject.FieldReader<List<T>> reader) {
      if (node instanceof List<?> list && list.size() > max) {
        problems.add(path, "too many " + what + " (" + list.size() + "; at most " + max + ")");
        return null;
      }
      return reader.read(node, path);
    }

    /**
     * Predicates and regex program size read so far, and where each first went over its limit: the
     * problem names the list that crossed it, and the model's total.
     */
    private final class Spent {
      private TreePath predicatesOver;
      private TreePath regexOver;

      void after(TreePath list) {
        if (predicatesOver == null && predicates() > MAX_PREDICATES) {
          predicatesOver = list;
        }
        if (regexOver == null && regexSize() > MAX_REGEX_SIZE) {
          regexOver = list;
        }
      }

      void report() {
        if (predicatesOver != null) {
          problems.add(
              predicatesOver,
              "too many predicates ("
                  + predicates()
                  + "; at most "
                  + MAX_PREDICATES
                  + " in the whole model)");
        }
        if (regexOver != null) {
          problems.add(
              regexOver,
              "regular expressions too large (estimated program size "
                  + regexSize()
                  + "; at most "
                  + MAX_REGEX_SIZE
                  + " in the whole model)");
        }
      }
    }

    private int predicates() {
      return contactPredicates.predicates() + eventPredicates.predicates();
    }

    private long regexSize() {
      return contactPredicates.regexSize() + eventPredicates.regexSize();
    }

    private void ruleCount(TreeObject model) {
      int fit = model.get("fit") instanceof List<?> list ? list.size() : 0;
      int engagement = model.get("engagement") instanceof List<?> list ? list.size() : 0;
      if (fit + engagement > MAX_RULES) {
        problems.add(
            model.at(fit > MAX_RULES || engagement == 0 ? "fit" : "engagement"),
            "too many rules (at most " + MAX_RULES + " in fit and engagement together)");
      }
    }

    private Scale scale(Object node, TreePath path) {
      TreeObject scale = TreeObject.of(node, path, problems);
      if (scale == null) {
        return null;
      }
      scale.rejectUnknown(SCALE_KEYS, "unknown key");
      int before = problems.size();
      Double floor = scale.optional("floor", this::number, Double.NEGATIVE_INFINITY);
      Double cap = scale.optional("cap", this::number, Double.POSITIVE_INFINITY);
      if (floor == null || cap == null || problems.size() > before) {
        return null;
      }
      if (floor > cap) {
        problems.add(scale.at("floor"), "must be at most cap (" + text(cap) + ")");
        return null;
      }
      return new Scale(floor, cap);
    }

    /**
     * A list of items each read by {@code item}, whose ids (by {@code idOf}) must be unique; a
     * duplicate is reported at the later item's {@code id}.
     */
    private <T> List<T> list(
        Object node,
        TreePath path,
        BiFunction<Object, TreePath, T> item,
        Function<T, String> idOf) {
      if (!(node instanceof List<?> list)) {
        problems.add(path, "must be a list");
        return null;
      }
      List<T> items = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      boolean ok = true;
      for (int i = 0; i < list.size(); i++) {
        TreePath itemPath = path.index(i);
        T read = item.apply(list.get(i), itemPath);
        ok &= read != null;
        // A bad item's id still counts: a later item repeating it is a duplicate, and vice versa.
        String id = read != null ? idOf.apply(read) : rawId(list.get(i));
        if (id != null && !id.isEmpty() && !ids.add(id)) {
          problems.add(keyPath(list.get(i), itemPath, "id"), "duplicate id '" + id + "'");
          ok = false;
        }
        items.add(read);
      }
      return ok ? items : null;
    }

    private FitRule fitRule(Object node, TreePath path) {
      TreeObject rule = TreeObject.of(node, path, problems);
      if (rule == null) {
        return null;
      }
      rule.rejectUnknown(FIT_KEYS, "unknown key");
      String id = rule.required("id", (value, at) -> Scalars.id(value, at, problems));
      Double points = rule.required("points", this::points);
      Condition when = rule.required("when", contactPredicates::read);
      if (id == null || points == null || when == null) {
        return null;
      }
      return new FitRule(id, points, when);
    }

    private EngagementRule engagementRule(Object node, TreePath path) {
      TreeObject rule = TreeObject.of(node, path, problems);
      if (rule == null) {
        return null;
      }
      rule.rejectUnknown(ENGAGEMENT_KEYS, "unknown key");
      String id = rule.required("id", (value, at) -> Scalars.id(value, at, problems));
      Double points = rule.required("points", this::points);
      EventTypes on = rule.required("on", this::on);
      Condition where = rule.optional("where", eventPredicates::read, new Condition.Always());
      Trigger trigger = rule.optional("count", this::count, new Trigger.EachEvent());
      Limit limit = rule.optional("limit", this::limit, new Limit.Unlimited());
      Decay decay = rule.optional("decay", this::decay, new Decay.None());
      if (id == null
          || points == null
          || on == null
          || where == null
          || trigger == null
          || limit == null
          || decay == null) {
        return null;
      }
      return new EngagementRule(id, points, on, where, trigger, limit, decay);
    }

    private Trigger count(Object node, TreePath path) {
      TreeObject count = TreeObject.of(node, path, problems);
      if (count == null) {
        return null;
      }
      count.rejectUnknown(COUNT_KEYS, "unknown key");
      Integer atLeast = count.required("atLeast", this::positiveInt);
      Duration within = count.required("within", this::duration);
      return atLeast == null || within == null ? null : new Trigger.Count(atLeast, within);
    }

    private Limit limit(Object node, TreePath path) {
      TreeObject limit = TreeObject.of(node, path, problems);
      if (limit == null) {
        return null;
      }
      limit.rejectUnknown(LIMIT_KEYS, "unknown key");
      Integer times = limit.required("times", this::positiveInt);
      if (!limit.has("per")) {
        return times == null ? null : new Limit.Times(times);
      }
      Duration per = limit.optional("per", this::duration, null);
      return times == null || per == null ? null : new Limit.TimesPer(times, per);
    }

    private Decay decay(Object node, TreePath path) {
      TreeObject decay = TreeObject.of(node, path, problems);
      if (decay == null) {
        return null;
      }
      decay.rejectUnknown(Set.copyOf(DECAY_KINDS), "unknown key");
      List<String> kinds = decay.keys().stream().filter(DECAY_KINDS::contains).toList();
      if (kinds.isEmpty()) {
        problems.add(path, "must have one of halfLife, perDay, after");
      }
      for (String extra : kinds.stream().skip(1).toList()) {
        problems.add(decay.at(extra), "only one of halfLife, perDay, after is allowed");
      }
      Duration halfLife = decay.optional("halfLife", this::duration, null);
      Double perDay = decay.optional("perDay", this::perDay, null);
      Duration after = decay.optional("after", this::duration, null);
      if (kinds.size() != 1) {
        return null;
      }
      return switch (kinds.get(0)) {
        case "halfLife" -> halfLife == null ? null : new Decay.HalfLife(halfLife);
        case "perDay" -> perDay == null ? null : new Decay.PerDay(perDay);
        default -> after == null ? null : new Decay.Expires(after);
      };
    }

    private Double perDay(Object node, TreePath path) {
      Double perDay = number(node, path);
      if (perDay != null && perDay < 0) {
        problems.add(path, "must be >= 0");
        return null;
      }
      return perDay;
    }

    private Topic topic(Object node, TreePath path) {
      TreeObject topic = TreeObject.of(node, path, problems);
      if (topic == null) {
        return null;
      }
      topic.rejectUnknown(TOPIC_KEYS, "unknown key");
      String id = topic.required("id", (value, at) -> Scalars.id(value, at, problems));
      EventTypes on = topic.required("on", this::on);
      Condition where = topic.optional("where", eventPredicates::read, new Condition.Always());
      String distinct =
          topic.optional(
              "distinct",
              (value, at) -> Scalars.boundedString(value, at, problems, MAX_FIELD),
              "url");
      Integer interestedAt = topic.required("interestedAt", this::positiveInt);
      if (id == null || on == null || where == null || distinct == null || interestedAt == null) {
        return null;
      }
      return new Topic(id, on, where, distinct, interestedAt);
    }

    private List<Tier> tiers(Object node, TreePath path) {
      return levels(
          node, path, (value, at) -> Scalars.id(value, at, problems), Tier::new, Tier::id);
    }

    private List<Grade> grades(Object node, TreePath path) {
      return levels(
          node,
          path,
          (value, at) -> Scalars.boundedString(value, at, problems, MAX_NAME),
          Grade::new,
          Grade::id);
    }

    /** Tiers or grades: a non-empty list of {@code {id, from}}, {@code from} strictly ascending. */
    private <T> List<T> levels(
        Object node,
        TreePath path,
        TreeObject.FieldReader<String> idReader,
        BiFunction<String, Double, T> make,
        Function<T, String> idOf) {
      if (node instanceof List<?> list && list.isEmpty()) {
        problems.add(path, "must not be empty");
        return null;
      }
      var previous = new double[] {Double.NaN};
      List<T> levels =
          list(
              node,
              path,
              (item, at) -> {
                TreeObject level = TreeObject.of(item, at, problems);
                if (level == null) {
                  previous[0] = Double.NaN;
                  return null;
                }
                level.rejectUnknown(LEVEL_KEYS, "unknown key");
                String id = level.required("id", idReader);
                Double from = level.required("from", this::number);
                if (from != null && !Double.isNaN(previous[0]) && from <= previous[0]) {
                  problems.add(
                      level.at("from"),
                      "must be greater than the previous from (" + text(previous[0]) + ")");
                  from = null;
                } else {
                  previous[0] = from == null ? Double.NaN : from;
                }
                return id == null || from == null ? null : make.apply(id, from);
              },
              idOf);
      return levels;
    }

    /** {@code on}: a type, {@code "<prefix>.*"}, {@code "*"}, or a non-empty list of those. */
    private EventTypes on(Object node, TreePath path) {
      if (node instanceof String text) {
        return eventTypes(text, path);
      }
      if (!(node instanceof List<?> list)) {
        problems.add(path, "must be a string or a list of strings");
        return null;
      }
      if (list.isEmpty()) {
        problems.add(path, "must not be empty");
        return null;
      }
      if (list.size() > MAX_ON_TYPES) {
        problems.add(
            path, "too many event types (" + list.size() + "; at most " + MAX_ON_TYPES + ")");
        return null;
      }
      List<EventTypes> options = new ArrayList<>();
      boolean ok = true;
      for (int i = 0; i < list.size(); i++) {
        String text = Scalars.string(list.get(i), path.index(i), problems);
        EventTypes option = text == null ? null : eventTypes(text, path.index(i));
        ok &= option != null;
        options.add(option);
      }
      if (!ok) {
        return null;
      }
      return options.size() == 1 ? options.get(0) : new EventTypes.OneOf(options);
    }

    private EventTypes eventTypes(String text, TreePath path) {
      if (text.length() > MAX_FIELD) {
        problems.add(path, "must be at most " + MAX_FIELD + " characters");
        return null;
      }
      if (text.equals("*")) {
        return new EventTypes.AnyType();
      }
      if (text.endsWith(".*")
          && TYPE_PREFIX.matcher(text.substring(0, text.length() - 2)).matches()) {
        return new EventTypes.StartingWith(text.substring(0, text.length() - 2));
      }
      if (Scalars.EVENT_TYPE.matcher(text).matches()) {
        return new EventTypes.Exactly(text);
      }
      problems.add(path, "must be an event type like email.clicked, a prefix like email.* or *");
      return null;
    }

    private Double number(Object node, TreePath path) {
      return Scalars.finiteNumber(node, path, problems);
    }

    /**
     * Points are finite and at most {@value #MAX_POINTS} in size: a bound no real rule comes near,
     * which keeps any sum of awards finite (a choice where the spec is silent).
     */
    private Double points(Object node, TreePath path) {
      Double points = number(node, path);
      if (points != null && Math.abs(points) > MAX_POINTS) {
        problems.add(path, "must be between -1000000000 and 1000000000");
        return null;
      }
      return points;
    }

    private Integer positiveInt(Object node, TreePath path) {
      return Scalars.positiveInt(node, path, problems);
    }

    private Duration duration(Object node, TreePath path) {
      String text = Scalars.string(node, path, problems);
      if (text == null) {
        return null;
      }
      return switch (DurationReader.parse(text)) {
        case Read.Valid<Duration>(Duration duration) -> duration;
        case Read.Invalid<Duration>(List<Problem> found) -> {
          found.forEach(problem -> problems.add(path, problem.message()));
          yield null;
        }
      };
    }
  }

  /** The id of a raw list item, when it is an object with a string id. */
  private static String rawId(Object item) {
    if (item instanceof java.util.Map<?, ?> map) {
      for (var entry : map.entrySet()) {
        if ("id".equals(entry.getKey()) && entry.getValue() instanceof String id) {
          return id;
        }
      }
    }
    return null;
  }

  /** The path of a key of a raw list item: where it is, or where it would be. */
  private static TreePath keyPath(Object item, TreePath itemPath, String key) {
    int ordinal = 0;
    if (item instanceof java.util.Map<?, ?> map) {
      for (Object candidate : map.keySet()) {
        if (key.equals(candidate)) {
          return itemPath.key(key, ordinal);
        }
        ordinal++;
      }
    }
    return itemPath.key(key, TreePath.ABSENT);
  }

  private static Object firstItem(Object list) {
    return list instanceof List<?> items && !items.isEmpty() ? items.get(0) : null;
  }

  /** A number as the model would write it: {@code 50}, not {@code 50.0}. */
  private static String text(double number) {
    return io.leadscore.domain.model.condition.Value.textOf(number);
  }
}
