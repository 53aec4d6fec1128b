package io.leadscore.domain.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The readers never throw: any tree gives a model or a non-empty list of problems, each with a
 * path. Trees are drawn from the model language's own vocabulary plus junk, so they reach deep
 * into the reader; valid models built at random read as valid, and stay safe when mutated.
 */
class ModelReaderFuzzTest {

  private static final List<String> KEYS =
      List.of(
          "id", "name", "scale", "floor", "cap", "fit", "engagement", "topics", "tiers", "grades",
          "points", "when", "on", "where", "count", "limit", "decay", "atLeast", "within", "times",
          "per", "halfLife", "perDay", "after", "distinct", "interestedAt", "from", "field",
          "equals", "in", "contains", "matches", "between", "exists", "endsWith", "tag", "all",
          "any", "not", "eventKey", "type", "occurredAt", "properties", "attributes", "tags",
          "", "ID", "équals", "a.b", "on ");

  private static final List<String> STRINGS =
      List.of(
          "m", "b2b-default", "Bad Id", "", " ", "cold", "A+", "email.clicked", "email.*", "*",
          "Email", "P30D", "PT12H", "P1M", "P0D", "-P1D", "P", "P1DT", "p1d",
          "P99999999999999999999999D", "PT1.5S", "(a+)+$", "((a{1000}){1000}){1000}", "(?=x)",
          "[", "\\", "a{1001}", "(?i)\\b(vp|director)\\b", "x".repeat(600), "2026-11-22T10:00:00Z",
          "2026-11-22T10:00:00", "50", "NaN", "Infinity", "\u0000", "\uD800", "null", "true");

  @Provide
  Arbitrary<Object> trees() {
    return tree(5);
  }

  private static Arbitrary<Object> tree(int depth) {
    if (depth == 0) {
      return scalars();
    }
    Arbitrary<Object> child = tree(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(4, scalars()),
        Tuple.of(2, maps(child)),
        Tuple.of(1, child.list().ofMaxSize(4).map(list -> (Object) new ArrayList<>(list))));
  }

  private static Arbitrary<Object> maps(Arbitrary<Object> values) {
    Arbitrary<Object> keys =
        Arbitraries.frequencyOf(
            Tuple.of(12, Arbitraries.of(KEYS).map(key -> (Object) key)),
            Tuple.of(1, Arbitraries.strings().ofMaxLength(5).map(key -> (Object) key)),
            Tuple.of(1, Arbitraries.of(1, true, 2.5).map(key -> (Object) key)));
    return Combinators.combine(keys, values)
        .as(java.util.AbstractMap.SimpleEntry<Object, Object>::new)
        .list()
        .ofMaxSize(6)
        .map(
            entries -> {
              var map = new LinkedHashMap<Object, Object>();
              entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
              return map;
            });
  }

  private static Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.of(STRINGS).map(text -> (Object) text),
        Arbitraries.strings().ofMaxLength(20).map(text -> (Object) text),
        Arbitraries.integers().between(-3, 1100).map(number -> (Object) number),
        Arbitraries.longs().map(number -> (Object) number),
        Arbitraries.doubles().map(number -> (Object) number),
        Arbitraries.of(
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 2.0, 2.5,
            Float.NaN, 1e308, Double.MIN_VALUE),
        Arbitraries.of(
            BigInteger.TEN.pow(400), BigInteger.TEN.pow(400).negate(),
            new BigDecimal("1e1000000000"), new BigDecimal("-1e-1000000000"), new BigDecimal("3.0"),
            new BigDecimal("2147483648")),
        Arbitraries.of(true, false),
        Arbitraries.of(new Object(), 'c', List.of(List.of(List.of()))));
  }

  @Property(tries = 1000)
  void model_reader_never_throws_and_every_problem_has_a_path(@ForAll("trees") Object tree) {
    assertWellFormed(ModelReader.read(tree));
  }

  @Property(tries = 1000)
  void model_reader_never_throws_on_a_model_shaped_tree(@ForAll("modelShaped") Object tree) {
    assertWellFormed(ModelReader.read(tree));
  }

  @Property(tries = 500)
  void event_and_contact_readers_never_throw(@ForAll("trees") Object tree) {
    assertWellFormed(EventReader.read(tree, Set.of("contact")));
    assertWellFormed(ContactReader.read(tree));
  }

  @Property(tries = 300)
  void random_valid_models_read_as_valid(@ForAll("validModels") Map<String, Object> model) {
    assertThat(ModelReader.read(model))
        .satisfies(read -> assertThat(read).as("%s", read).isInstanceOf(Read.Valid.class));
  }

  @Property(tries = 500)
  void mutated_valid_models_never_throw(
      @ForAll("validModels") Map<String, Object> model, @ForAll("trees") Object junk, @ForAll long seed) {
    mutate(model, junk, new java.util.Random(seed));
    assertWellFormed(ModelReader.read(model));
  }

  /** A tree with the model's top-level keys over random subtrees. */
  @Provide
  Arbitrary<Object> modelShaped() {
    Arbitrary<Object> rules = maps(tree(3)).list().ofMaxSize(4).map(list -> (Object) new ArrayList<>(list));
    return Combinators.combine(Arbitraries.of("m", "Bad", ""), rules, rules, rules, rules, tree(3))
        .as(
            (id, fit, engagement, topics, tiers, scale) -> {
              var model = new LinkedHashMap<String, Object>();
              model.put("id", id);
              model.put("scale", scale);
              model.put("fit", fit);
              model.put("engagement", engagement);
              model.put("topics", topics);
              model.put("tiers", tiers);
              return model;
            });
  }

  @Provide
  Arbitrary<Map<String, Object>> validModels() {
    Arbitrary<Object> predicate = predicate(3);
    Arbitrary<Object> eventPredicate = eventPredicate();
    Arbitrary<Object> durations = Arbitraries.of("P30D", "PT12H", "P1DT6H", "P2W", "PT1.5S");
    Arbitrary<Object> on =
        Arbitraries.of("email.clicked", "email.*", "*", "form.submitted")
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(list -> list.size() == 1 ? list.get(0) : new ArrayList<Object>(list));
    Arbitrary<Object> fitRule =
        Combinators.combine(Arbitraries.integers().between(-100, 100), predicate)
            .as((points, when) -> Trees.map("points", points, "when", when));
    Arbitrary<Object> decay =
        Arbitraries.oneOf(
            durations.map(d -> Trees.map("halfLife", d)),
            durations.map(d -> Trees.map("after", d)),
            Arbitraries.doubles().between(0, 10).map(x -> Trees.map("perDay", x)));
    Arbitrary<Object> engagementRule =
        Combinators.combine(
                Arbitraries.doubles().between(-1000, 1000),
                on,
                eventPredicate.injectNull(0.5),
                Arbitraries.integers().between(1, 10).injectNull(0.5),
                durations,
                decay.injectNull(0.5))
            .as(
                (points, types, where, count, window, fade) -> {
                  var rule = Trees.map("points", points, "on", types);
                  if (where != null) {
                    rule.put("where", where);
                  }
                  if (count != null) {
                    rule.put("count", Trees.map("atLeast", count, "within", window));
                    rule.put("limit", Trees.map("times", count, "per", window));
                  }
                  if (fade != null) {
                    rule.put("decay", fade);
                  }
                  return rule;
                });
    return Combinators.combine(
            fitRule.list().ofMaxSize(5),
            engagementRule.list().ofMaxSize(5),
            Arbitraries.doubles().between(-50, 50).list().ofMinSize(1).ofMaxSize(4).uniqueElements())
        .as(
            (fit, engagement, froms) -> {
              var tiers = new ArrayList<Object>();
              var sorted = froms.stream().sorted().toList();
              for (int i = 0; i < sorted.size(); i++) {
                tiers.add(Trees.map("id", "t" + i, "from", sorted.get(i)));
              }
              return Trees.model(
                  "scale", Trees.map("floor", sorted.get(0), "cap", 1000),
                  "fit", withIds(fit, "f"),
                  "engagement", withIds(engagement, "e"),
                  "tiers", tiers,
                  "grades", new ArrayList<>(tiers));
            });
  }

  private static List<Object> withIds(List<Object> rules, String prefix) {
    var out = new ArrayList<Object>();
    for (int i = 0; i < rules.size(); i++) {
      @SuppressWarnings("unchecked")
      var rule = new LinkedHashMap<>((Map<String, Object>) rules.get(i));
      rule.put("id", prefix + i);
      out.add(rule);
    }
    return out;
  }

  private static Arbitrary<Object> predicate(int depth) {
    Arbitrary<Object> leaf =
        Arbitraries.oneOf(
            Arbitraries.just(Trees.map("tag", "vip")),
            eventPredicate());
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Object> child = predicate(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(3, leaf),
        Tuple.of(1, child.list().ofMinSize(1).ofMaxSize(3).map(list -> Trees.map("all", new ArrayList<>(list)))),
        Tuple.of(1, child.list().ofMinSize(1).ofMaxSize(3).map(list -> Trees.map("any", new ArrayList<>(list)))),
        Tuple.of(1, child.map(inner -> Trees.map("not", inner))));
  }

  private static Arbitrary<Object> eventPredicate() {
    return Arbitraries.of(
        Trees.map("field", "title", "equals", "CEO"),
        Trees.map("field", "size", "between", Trees.list(10, 500)),
        Trees.map("field", "email", "endsWith", "@ex.com"),
        Trees.map("field", "title", "matches", "(?i)\\b(vp|director)\\b"),
        Trees.map("field", "url", "in", Trees.list("a", "b")),
        Trees.map("field", "form", "exists", true),
        Trees.map("field", "title", "contains", "student"));
  }

  /** Replaces one random node of the tree (or a value inside it) with junk. */
  @SuppressWarnings("unchecked")
  private static void mutate(Object tree, Object junk, java.util.Random random) {
    Object node = tree;
    for (int step = 0; step < 8; step++) {
      if (node instanceof Map<?, ?> map && !map.isEmpty()) {
        var keys = new ArrayList<>(map.keySet());
        Object key = keys.get(random.nextInt(keys.size()));
        if (random.nextInt(3) == 0) {
          ((Map<Object, Object>) map).put(key, junk);
          return;
        }
        node = map.get(key);
      } else if (node instanceof List<?> list && !list.isEmpty()) {
        int index = random.nextInt(list.size());
        if (random.nextInt(3) == 0) {
          ((List<Object>) list).set(index, junk);
          return;
        }
        node = list.get(index);
      } else {
        return;
      }
    }
  }

  private static void assertWellFormed(Read<?> read) {
    assertThat(read).isNotNull();
    if (read instanceof Read.Invalid<?>(List<Problem> problems)) {
      assertThat(problems).isNotEmpty();
      assertThat(problems).allSatisfy(problem -> {
        assertThat(problem.path()).isNotNull();
        assertThat(problem.message()).isNotBlank();
      });
    }
  }
}
