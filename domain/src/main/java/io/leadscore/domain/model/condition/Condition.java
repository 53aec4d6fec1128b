package io.leadscore.domain.model.condition;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A predicate: {@code when} on a contact (attributes and tags) or {@code where} on an event
 * (properties, no tags). scoring-model.md, "Predicates". Immutable and thread-safe.
 */
public sealed interface Condition {

  /**
   * Whether the condition holds on these fields and tags, on a fresh {@link RegexBudget}.
   *
   * @param fields field values by name; a missing field is absent (never mapped to null)
   * @param tags lower-cased tags; empty for events
   */
  default boolean holds(Map<String, Value> fields, Set<String> tags) {
    return holds(fields, tags, new RegexBudget());
  }

  /**
   * Whether the condition holds, charging regex matching to {@code budget}, the budget of the
   * evaluation this test belongs to.
   */
  boolean holds(Map<String, Value> fields, Set<String> tags, RegexBudget budget);

  /** No condition: a rule without {@code where}. Always holds. */
  record Always() implements Condition {
    @Override
    public boolean holds(Map<String, Value> fields, Set<String> tags, RegexBudget budget) {
      return true;
    }
  }

  /** {@code { field: F, <operator>: ... }}. */
  record OnField(String field, FieldTest test) implements Condition {
    public OnField {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(test, "test");
    }

    @Override
    public boolean holds(Map<String, Value> fields, Set<String> tags, RegexBudget budget) {
      return test.test(fields.get(field), budget);
    }
  }

  /** {@code { tag: T }}: the contact carries T, compared case-insensitively. */
  record HasTag(String tag) implements Condition {
    public HasTag {
      tag = tag.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean holds(Map<String, Value> fields, Set<String> tags, RegexBudget budget) {
      return tags.contains(tag);
    }
  }

  /** {@code { all: [...] }}: every condition holds (non-empty). */
  record All(List<Condition> conditions) implements Condition {
    public All {
      conditions = List.copyOf(conditions);
      if (conditions.isEmpty()) {
        throw new IllegalArgumentException("conditions: must not be empty");
      }
    }

    @Override
    public boolean holds(Map<String, Value> fields, Set<String> tags, RegexBudget budget) {
      for (Condition condition : conditions) {
        if (!condition.holds(fields, tags, budget)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code { any: [...] }}: at least one condition holds (non-empty). */
  record Any(List<Condition> conditions) implements Condition {
    public Any {
      conditions = List.copyOf(conditions);
      if (conditions.isEmpty()) {
        throw new IllegalArgumentException("conditions: must not be empty");
      }
    }

    @Override
    public boolean holds(Map<String, Value> fields, Set<String> tags, RegexBudget budget) {
      for (Condition condition : conditions) {
        if (condition.holds(fields, tags, budget)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code { not: P }}: P does not hold (so a missing field under not holds). */
  record Not(Condition condition) implements Condition {
    public Not {
      Objects.requireNonNull(condition, "condition");
    }

    @Override
    public boolean holds(Map<String, Value> fields, Set<String> tags, RegexBudget budget) {
      return !condition.holds(fields, tags, budget);
    }
  }
}
