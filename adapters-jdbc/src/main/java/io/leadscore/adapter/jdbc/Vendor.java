package io.leadscore.adapter.jdbc;

import java.util.Locale;

/** The two databases this adapter supports, named as their migrations folders are. */
enum Vendor {
  H2("h2"),
  POSTGRESQL("postgresql");

  private final String folder;

  Vendor(String folder) {
    this.folder = folder;
  }

  /** The folder under {@code db/vendor/} with this database's own migrations. */
  String folder() {
    return folder;
  }

  /**
   * The vendor of a connected database, from {@code DatabaseMetaData.getDatabaseProductName()}.
   *
   * @throws IllegalStateException for any other database
   */
  static Vendor fromProductName(String productName) {
    return switch (productName.toLowerCase(Locale.ROOT)) {
      case "h2" -> H2;
      case "postgresql" -> POSTGRESQL;
      default ->
          throw new IllegalStateException(
              "unsupported database: " + productName + " (Leadscore runs on H2 or PostgreSQL)");
    };
  }
}
