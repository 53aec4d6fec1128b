package io.leadscore.domain.reading;

import com.google.re2j.Pattern;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.condition.FieldTest;
import io.leadscore.domain.model.condition.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads predicates (scoring-model.md, "Predicates"): {@code when} on a contact, {@code where} on an
 * event. A predicate is an object with exactly one of {@code field} (with exactly one operator),
 * {@code tag} (contacts only), {@code all}, {@code any} or {@code not}; nesting deeper than {@value
 * #MAX_DEPTH} levels is a problem.
 *
 * <p>Operands: {@code equals} a string, number or boolean; {@code in} a non-empty list of those;
 * {@code contains} and {@code endsWith} a non-empty string, or a number, which stands for its text
 * form ({@link Value#textOf}: {@code 50.0} is {@code "50"}), since that is what they test; {@code
 * matches} a string (see {@link RegexCheck}); {@code between} two strings or numbers in ascending
 * order as the engine compares them; {@code exists} a boolean. Text operands are at most {@value
 * #MAX_OPERAND} characters.
 *
 * <p>Counts what it reads, for the model's limits: {@link #predicates()} (each predicate and each
 * {@code in} value) and {@link #regexSize()} (the estimated program size of every regex).
 */
final class PredicateReader {
  /** How deeply predicates may nest (all, any and not each add a level). */
  static final int MAX_DEPTH = 32;

  /** The longest text operand: a substring search costs its length times the text's. */
  static final int MAX_OPERAND = 1000;

  static final List<String> OPERATORS =
      List.of("equals", "in", "contains", "matches", "between", "exists", "endsWith");

  private static final Set<String> KEYS =
      Set.of(
          "field",
          "equals",
          "in",
          "contains",
          "matches",
          "between",
          "exists",
          "endsWith",
          "tag",
          "all",
          "any",
          "not");

  private static final String FORMS = "field, tag, all, any or not";

  private final ProblemList problems;
  private final boolean onContact;
  private int predicates;
  private long regexSize;

  /**
   * @param onContact whether predicates test a contact ({@code when}, tags allowed) or an event
   *     ({@code where})
   */
  PredicateReader(ProblemList problems, boolean onContact) {
    this.problems = problems;
    this.onContact = onContact;
  }

  /** The condition at {@code path}, or null after reporting its problems. */
  Condition read(Object node, TreePath path) {
    return read(node, path, 1);
  }

  /** How many predicates and {@code in} values were read so far. */
  int predicates() {
    return predicates;
  }

  /** The estimated program size ({@link RegexCheck#expandedSize}) of every regex read so far. */
  long regexSize() {
    return regexSize;
  }

  private Condition read(Object node, TreePath path, int depth) {
    predicates++;
    if (depth > MAX_DEPTH) {
      problems.add(path, "nested too deeply (at most " + MAX_DEPTH + " levels)");
      return null;
    }
    TreeObject predicate = TreeObject.of(node, path, problems);
    if (predicate == null) {
      return null;
    }
    predicate.rejectUnknown(KEYS, "unknown predicate key");

    List<String> forms = new ArrayList<>();
    List<String> operators = new ArrayList<>();
    boolean fieldForm = false;
    for (String key : predicate.keys()) {
      if (OPERATORS.contains(key)) {
        operators.add(key);
      }
      if (key.equals("field") || OPERATORS.contains(key)) {
        if (!fieldForm) {
          forms.add("field");
          fieldForm = true;
        }
      } else if (KEYS.contains(key)) {
        forms.add(key);
      }
    }
    if (forms.isEmpty()) {
      problems.add(path, "must have one of " + FORMS);
    } else if (forms.size() > 1) {
      problems.add(
          path, "must have only one of " + FORMS + " (has " + String.join(", ", forms) + ")");
    }
    Condition field = fieldForm ? onField(predicate, operators) : null;
    Condition tag = predicate.optional("tag", this::tag, null);
    Condition all = predicate.optional("all", (value, at) -> list(value, at, depth, true), null);
    Condition any = predicate.optional("any", (value, at) -> list(value, at, depth, false), null);
    Condition not = predicate.optional("not", (value, at) -> negation(value, at, depth), null);
    if (forms.size() != 1) {
      return null;
    }
    return switch (forms.get(0)) {
      case "field" -> field;
      case "tag" -> tag;
      case "all" -> all;
      case "any" -> any;
      default -> not;
    };
  }

  private Condition onField(TreeObject predicate, List<String> operators) {
    TreePath path = predicate.path();
    String field =
        predicate.optional(
            "field",
            (value, at) -> Scalars.boundedString(value, at, problems, ModelReader.MAX_FIELD),
            null);
    if (!predicate.has("field")) {
      problems.add(path, String.join(", ", operators) + " needs a field");
    }
    if (operators.isEmpty()) {
      problems.add(path, "field needs one operator: " + String.join(", ", OPERATORS));
    } else if (operators.size() > 1) {
      problems.add(path, "field takes one operator (has " + String.join(", ", operators) + ")");
    }
    List<FieldTest> tests = new ArrayList<>();
    for (String operator : operators) {
      tests.add(operand(operator, predicate.get(operator), predicate.at(operator)));
    }
    if (field == null || tests.size() != 1 || tests.get(0) == null) {
      return null;
    }
    return new Condition.OnField(field, tests.get(0));
  }

  private FieldTest operand(String operator, Object node, TreePath path) {
    return switch (operator) {
      case "equals" -> {
        Value.Scalar operand = scalar(node, path, true);
        yield operand == null ? null : new FieldTest.Equals(operand);
      }
      case "in" -> in(node, path);
      case "contains" -> {
        String needle = text(node, path);
        yield needle == null ? null : new FieldTest.Contains(needle);
      }
      case "endsWith" -> {
        String suffix = text(node, path);
        yield suffix == null ? null : new FieldTest.EndsWith(suffix);
      }
      case "matches" -> {
        String regex = Scalars.string(node, path, problems);
        Pattern pattern = regex == null ? null : RegexCheck.compile(regex, path, problems);
        if (pattern != null) {
          regexSize += RegexCheck.expandedSize(regex);
        }
        yield pattern == null ? null : new FieldTest.Matches(pattern);
      }
      case "between" -> between(node, path);
      default -> {
        Boolean expected = Scalars.bool(node, path, problems);
        yield expected == null ? null : new FieldTest.Exists(expected);
      }
    };
  }

  /** A string, a finite number, or (when {@code booleans}) a boolean, as a scalar value. */
  private Value.Scalar scalar(Object node, TreePath path, boolean booleans) {
    if (node instanceof String) {
      String text = operand(node, path);
      return text == null ? null : new Value.Text(text);
    }
    if (booleans && node instanceof Boolean bool) {
      return new Value.Bool(bool);
    }
    if (Scalars.isNumber(node)) {
      Double number = Scalars.finiteNumber(node, path, problems);
      return number == null ? null : new Value.Number(number);
    }
    problems.add(
        path, booleans ? "must be a string, number or boolean" : "must be a string or number");
    return null;
  }

  private FieldTest in(Object node, TreePath path) {
    List<?> list = Scalars.nonEmptyList(node, path, problems);
    if (list == null) {
      return null;
    }
    List<Value.Scalar> operands = new ArrayList<>();
    boolean ok = true;
    predicates += list.size();
    for (int i = 0; i < list.size(); i++) {
      Value.Scalar operand = scalar(list.get(i), path.index(i), true);
      ok &= operand != null;
      operands.add(operand);
    }
    return ok ? new FieldTest.In(operands) : null;
  }

  /** A non-empty string, or a finite number standing for its text form. */
  private String text(Object node, TreePath path) {
    if (Scalars.isNumber(node)) {
      Double number = Scalars.finiteNumber(node, path, problems);
      return number == null ? null : Value.textOf(number);
    }
    String text = Scalars.nonEmptyString(node, path, problems);
    return text == null ? null : operand(text, path);
  }

  /** A string operand of at most {@value #MAX_OPERAND} characters, or null after a problem. */
  private String operand(Object node, TreePath path) {
    String text = Scalars.string(node, path, problems);
    if (text != null && text.length() > MAX_OPERAND) {
      problems.add(path, "must be at most " + MAX_OPERAND + " characters");
      return null;
    }
    return text;
  }

  private FieldTest between(Object node, TreePath path) {
    if (!(node instanceof List<?> list) || list.size() != 2) {
      problems.add(path, "must be a list of two bounds [low, high]");
      return null;
    }
    Value.Scalar low = scalar(list.get(0), path.index(0), false);
    Value.Scalar high = scalar(list.get(1), path.index(1), false);
    if (low == null || high == null) {
      return null;
    }
    if (FieldTest.Comparison.compare(low, high) > 0) {
      problems.add(path, "bounds must be ascending");
      return null;
    }
    return new FieldTest.Between(low, high);
  }

  private Condition tag(Object node, TreePath path) {
    if (!onContact) {
      problems.add(path, "tag is allowed on contacts only");
      return null;
    }
    String tag = Scalars.boundedString(node, path, problems, ContactReader.MAX_TAG);
    return tag == null ? null : new Condition.HasTag(tag);
  }

  private Condition list(Object node, TreePath path, int depth, boolean all) {
    List<?> list = Scalars.nonEmptyList(node, path, problems);
    if (list == null) {
      return null;
    }
    List<Condition> conditions = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      Condition condition = read(list.get(i), path.index(i), depth + 1);
      ok &= condition != null;
      conditions.add(condition);
    }
    if (!ok) {
      return null;
    }
    return all ? new Condition.All(conditions) : new Condition.Any(conditions);
  }

  private Condition negation(Object node, TreePath path, int depth) {
    Condition condition = read(node, path, depth + 1);
    return condition == null ? null : new Condition.Not(condition);
  }
}
