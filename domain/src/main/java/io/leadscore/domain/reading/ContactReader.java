package io.leadscore.domain.reading;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.model.condition.Value;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a contact from a generic tree: {@code {"attributes": {...}, "tags": [...]}}, both optional
 * (scoring-model.md, "Predicates"). Attributes are values as in {@link EventReader}'s properties
 * (nested objects flattened to dotted names); tags a list of non-empty strings, kept lower-cased by
 * {@link Contact}. Unknown keys are problems. Stateless and thread-safe; never throws on any input.
 */
public final class ContactReader {
  private ContactReader() {}

  /** The most characters of one tag (tags are stored and indexed). */
  public static final int MAX_TAG = 200;

  private static final Set<String> KEYS = Set.of("attributes", "tags");

  /** Reads a contact, or every problem. */
  public static Read<Contact> read(Object tree) {
    var problems = new ProblemList();
    TreeObject contact = TreeObject.of(tree, TreePath.ROOT, problems);
    if (contact == null) {
      return problems.result(null);
    }
    contact.rejectUnknown(KEYS, "unknown key");
    Map<String, Value> attributes =
        contact.optional(
            "attributes", (node, path) -> ValueTreeReader.read(node, path, problems), Map.of());
    Set<String> tags =
        contact.optional("tags", (node, path) -> tags(node, path, problems), Set.of());
    if (attributes == null || tags == null) {
      return problems.result(null);
    }
    return problems.result(new Contact(attributes, tags));
  }

  private static Set<String> tags(Object node, TreePath path, ProblemList problems) {
    if (!(node instanceof List<?> list)) {
      problems.add(path, "must be a list");
      return null;
    }
    Set<String> tags = new LinkedHashSet<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      String tag = Scalars.boundedString(list.get(i), path.index(i), problems, MAX_TAG);
      ok &= tag != null;
      if (tag != null) {
        tags.add(tag);
      }
    }
    return ok ? tags : null;
  }
}
