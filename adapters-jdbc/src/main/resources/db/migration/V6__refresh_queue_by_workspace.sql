-- The refresh takes each workspace's marks in turns (oldest mark first within a workspace), so
-- one workspace's backlog never holds another's back: this index serves both the per-workspace
-- claim and the list of workspaces waiting. Shared by H2 and PostgreSQL; may run again (see V1).
CREATE INDEX IF NOT EXISTS score_refresh_queue_workspace_idx
  ON score_refresh_queue (workspace_id, marked_at);
