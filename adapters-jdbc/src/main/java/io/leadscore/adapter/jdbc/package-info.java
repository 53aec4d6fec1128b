/**
 * The database adapter: JDBI implementations of the application's out-ports (stores, repositories,
 * transactions, the refresh queue, jobs and the notification outbox) and the Flyway migrations that
 * make their schema, on an embedded H2 file database or PostgreSQL 15+.
 *
 * <p>Every SQL statement runs unchanged on both databases (dependencies.md, gotcha 5), except the
 * PostgreSQL-only {@code COPY} ingest path in {@link io.leadscore.adapter.jdbc.JdbiEventStore} and
 * per-vendor migrations under {@code db/vendor/<h2|postgresql>}. A repository call joins the
 * transaction of {@link io.leadscore.adapter.jdbc.JdbiTransactions} open on its thread, or runs on
 * a short connection of its own.
 *
 * <p>May use {@code io.leadscore.application} and {@code io.leadscore.domain}, JDBI, Flyway,
 * HikariCP, the H2 and PostgreSQL drivers, {@code java.sql} and Jackson's streaming core (for the
 * JSON kept in TEXT columns). Nothing else depends on this package but {@code bootstrap}.
 */
package io.leadscore.adapter.jdbc;
