/**
 * Ingest machinery shared by the use cases and the sync job: reading contact identities and contact
 * changes from generic trees, deriving event keys, and the one idempotent path by which a batch of
 * event trees is validated (problems by index) and stored (contacts resolved, events appended once
 * per key, refresh marked). API ingest, vendor syncs and inbound vendor hooks all store events
 * through {@link io.leadscore.application.ingest.EventBatch}, so the same fact gets the same key
 * whichever way it arrives. Uses only the domain and {@code port.out}.
 */
package io.leadscore.application.ingest;
