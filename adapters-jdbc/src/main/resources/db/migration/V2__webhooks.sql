-- Outbound webhooks (http-api.md, "Outbound webhooks"): subscriptions, and per (notification,
-- subscription) one delivery row, the schedule of its retries kept here so it survives restarts.
-- Shared by H2 (MODE=PostgreSQL) and PostgreSQL 15+ (dependencies.md, gotcha 5); every statement
-- may run again (see V1).

-- Notifications name their contact (erasing the contact deletes them) and are routed once to the
-- subscriptions of their type. delivered_at (V1) is left NULL: delivery is per subscription now.
ALTER TABLE notifications ADD COLUMN IF NOT EXISTS contact_id TEXT;
ALTER TABLE notifications ADD COLUMN IF NOT EXISTS routed_at TIMESTAMP WITH TIME ZONE;
-- Notifications written before webhooks existed had no subscriber: nothing to route.
UPDATE notifications SET routed_at = created_at WHERE routed_at IS NULL;
CREATE INDEX IF NOT EXISTS notifications_unrouted_idx ON notifications (routed_at, created_at);
CREATE INDEX IF NOT EXISTS notifications_contact_idx ON notifications (workspace_id, contact_id);

-- types: JSON array of notification types. secret: the HMAC key, needed to sign every delivery.
CREATE TABLE IF NOT EXISTS webhook_subscriptions (
  workspace_id TEXT NOT NULL,
  id           TEXT NOT NULL,
  url          TEXT NOT NULL,
  types        TEXT NOT NULL,
  description  TEXT,
  secret       TEXT NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT webhook_subscriptions_pk PRIMARY KEY (workspace_id, id)
);

-- state: pending | delivered | failed. A claim (FOR UPDATE SKIP LOCKED) counts the attempt, names
-- its lease_owner and moves next_attempt_at to the lease's end, so a node that dies mid-attempt
-- only delays the delivery; the outcome is recorded only by the owner of the latest attempt.
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  workspace_id    TEXT NOT NULL,
  notification_id TEXT NOT NULL,
  subscription_id TEXT NOT NULL,
  state           TEXT NOT NULL,
  attempts        INTEGER NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE,
  lease_owner     TEXT,
  last_status     INTEGER,
  last_error      TEXT,
  delivered_at    TIMESTAMP WITH TIME ZONE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT webhook_deliveries_pk PRIMARY KEY (notification_id, subscription_id)
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due_idx ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS webhook_deliveries_subscription_idx
  ON webhook_deliveries (workspace_id, subscription_id, created_at);
