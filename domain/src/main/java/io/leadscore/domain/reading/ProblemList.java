package io.leadscore.domain.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems found while reading one input, each at its {@link TreePath}, and lists
 * them in document order (a value's own problems before its children's; problems at the same
 * place in the order they were found). Not thread-safe: one per read.
 */
final class ProblemList {
  private record Found(int[] position, int sequence, Problem problem) {}

  private static final Comparator<Found> DOCUMENT_ORDER =
      Comparator.<Found, int[]>comparing(Found::position, Arrays::compare)
          .thenComparingInt(Found::sequence);

  private final List<Found> found = new ArrayList<>();

  void add(TreePath path, String message) {
    found.add(new Found(path.ordinals(), found.size(), new Problem(path.text(), message)));
  }

  int size() {
    return found.size();
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** The problems in document order. */
  List<Problem> inDocumentOrder() {
    return found.stream().sorted(DOCUMENT_ORDER).map(Found::problem).toList();
  }

  /** {@code Valid(value)} when nothing was found (value must then be non-null), else every problem. */
  <T> Read<T> result(T value) {
    if (!found.isEmpty() || value == null) {
      if (found.isEmpty()) {
        // A reader returned no value without saying why: a bug, but the caller still gets a reason.
        found.add(new Found(new int[0], 0, new Problem("", "could not be read")));
      }
      return new Read.Invalid<>(inDocumentOrder());
    }
    return new Read.Valid<>(value);
  }
}
