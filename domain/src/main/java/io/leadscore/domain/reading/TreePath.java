package io.leadscore.domain.reading;

/**
 * Where a value sits in an input tree: its printed path ({@code engagement[2].decay.halfLife})
 * and its position in document order (the index of each map entry or list item on the way),
 * so problems found in any order can be listed in document order. Immutable.
 */
final class TreePath {
  /** The position given to a key that is absent: after every entry of its object. */
  static final int ABSENT = Integer.MAX_VALUE;

  static final TreePath ROOT = new TreePath(null, "", 0, 0);

  private final TreePath parent;
  private final String text;
  private final int ordinal;
  private final int depth;

  private TreePath(TreePath parent, String text, int ordinal, int depth) {
    this.parent = parent;
    this.text = text;
    this.ordinal = ordinal;
    this.depth = depth;
  }

  /** A root for paths relative to some prefix, such as {@code properties}. */
  static TreePath root() {
    return ROOT;
  }

  /** The value under {@code name}, the {@code ordinal}-th entry of this object. */
  TreePath key(String name, int ordinal) {
    return new TreePath(this, text.isEmpty() ? name : text + "." + name, ordinal, depth + 1);
  }

  /** The {@code index}-th item of this list. */
  TreePath index(int index) {
    return new TreePath(this, text + "[" + index + "]", index, depth + 1);
  }

  /** How many steps from the root. */
  int depth() {
    return depth;
  }

  /** The printed path; empty for the root. */
  String text() {
    return text;
  }

  /** The ordinals from the root (exclusive) down to this path. */
  int[] ordinals() {
    int[] out = new int[depth];
    TreePath at = this;
    for (int i = depth - 1; i >= 0; i--) {
      out[i] = at.ordinal;
      at = at.parent;
    }
    return out;
  }

  @Override
  public String toString() {
    return text;
  }
}
