package io.leadscore.adapter.jdbc;

/**
 * Shorthands over {@link TestDatabase#fresh} for tests that start processes and need a plain URL
 * (the kill tests on main use {@code freshPostgres()}).
 */
public final class TestDatabases {
  private TestDatabases() {}

  /**
   * An empty PostgreSQL database of its own, dropped on close; skips (or fails, with {@code
   * -Dpg.required=true}) when PostgreSQL is down.
   */
  public static FreshPostgres freshPostgres() {
    return new FreshPostgres(TestDatabase.fresh(TestDatabase.Kind.POSTGRES));
  }

  /** A fresh database's URL and credentials; closing drops it. */
  public record FreshPostgres(TestDatabase.Fresh fresh) implements AutoCloseable {
    public String url() {
      return fresh.settings().url();
    }

    public String user() {
      return fresh.settings().user();
    }

    public String password() {
      return fresh.settings().password();
    }

    @Override
    public void close() {
      fresh.close();
    }
  }
}
