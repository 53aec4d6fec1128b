package io.leadscore.application.port.in;

/**
 * Something named by the caller does not exist in the caller's workspace (whether or not it exists
 * in another: that is never told).
 */
public final class NotFoundException extends RuntimeException {
  private final String kind;
  private final String id;

  public NotFoundException(String kind, String id) {
    super("no " + kind + " " + id);
    this.kind = kind;
    this.id = id;
  }

  /** What was looked for: {@code contact}, {@code model}, {@code job}, ... */
  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }
}
