-- Vendor sources (http-api.md, "Sources"), shared by H2 (MODE=PostgreSQL) and PostgreSQL 15+
-- (dependencies.md, gotcha 5). Never edit once merged.
--
-- settings (secrets included: the API masks them) and write_back are JSON trees in TEXT, written
-- and read by JsonCodec (an empty object is NULL). hook_secret_hash is the hex SHA-256 of the
-- inbound hook secret. sync_cursor (the vendor module's opaque cursor) and next_sync_at change
-- only by compare-and-set (UPDATE .. WHERE sync_cursor = :expected), so the cursor moves only in
-- the transaction that stores the page it follows, and of several nodes scheduling the same due
-- sync exactly one queues it. Ids are unique across workspaces: the hook URL names only the id.
--
-- Every statement may run again (IF NOT EXISTS), as in V1.

CREATE TABLE IF NOT EXISTS sources (
  id               TEXT PRIMARY KEY,
  workspace_id     TEXT NOT NULL,
  kind             TEXT NOT NULL,
  name             TEXT NOT NULL,
  settings         TEXT,
  schedule         TEXT,
  write_back       TEXT,
  hook_secret_hash TEXT NOT NULL,
  sync_cursor      TEXT,
  next_sync_at     TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_workspace_idx ON sources (workspace_id, created_at, id);
-- the scheduler's scan of due sources, earliest first (sources with no schedule hold NULL)
CREATE INDEX IF NOT EXISTS sources_due_idx ON sources (next_sync_at, id);
