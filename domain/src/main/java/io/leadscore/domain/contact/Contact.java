package io.leadscore.domain.contact;

import io.leadscore.domain.model.condition.Value;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A contact as fit rules see it (scoring-model.md, Semantics 1): current attributes (email, title,
 * company, ... or any custom one) and tags. Tags are kept lower-cased because they compare
 * case-insensitively. Immutable.
 */
public record Contact(Map<String, Value> attributes, Set<String> tags) {
  public static final Contact EMPTY = new Contact(Map.of(), Set.of());

  public Contact {
    attributes = Map.copyOf(attributes);
    tags =
        tags.stream()
            .map(tag -> tag.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }
}
