package io.leadscore.domain.model.rule;

import java.util.List;
import java.util.Objects;

/**
 * Which event types a rule or topic listens to ({@code on}): one type, {@code "<prefix>.*"}, {@code
 * "*"}, or a list of those. Case-sensitive (scoring-model.md, "on").
 */
public sealed interface EventTypes {

  /** Whether an event of this type is listened to. */
  boolean matches(String type);

  /** Exactly one type, such as {@code email.clicked}. */
  record Exactly(String type) implements EventTypes {
    public Exactly {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public boolean matches(String candidate) {
      return type.equals(candidate);
    }
  }

  /**
   * {@code "<prefix>.*"}: every type that starts with {@code <prefix>.}; {@code prefix} excludes
   * the dot.
   */
  record StartingWith(String prefix) implements EventTypes {
    public StartingWith {
      Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public boolean matches(String candidate) {
      return candidate.length() > prefix.length() + 1
          && candidate.startsWith(prefix)
          && candidate.charAt(prefix.length()) == '.';
    }
  }

  /** {@code "*"}: every type. */
  record AnyType() implements EventTypes {
    @Override
    public boolean matches(String candidate) {
      return true;
    }
  }

  /** A non-empty list: any of its entries matches. */
  record OneOf(List<EventTypes> options) implements EventTypes {
    public OneOf {
      options = List.copyOf(options);
      if (options.isEmpty()) {
        throw new IllegalArgumentException("options: must not be empty");
      }
    }

    @Override
    public boolean matches(String candidate) {
      for (EventTypes option : options) {
        if (option.matches(candidate)) {
          return true;
        }
      }
      return false;
    }
  }
}
