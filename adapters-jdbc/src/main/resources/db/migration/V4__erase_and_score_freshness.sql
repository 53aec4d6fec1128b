-- Score freshness (docs/operations.md, "Scores under concurrent writes"), shared by H2 (MODE=PostgreSQL)
-- and PostgreSQL 15+. Never edit once merged; every statement may run again (see V1).
--
-- contacts.revision counts the changes that move a contact's score: each ingest that grew its
-- history and each profile write adds one, in the transaction that made the change.
-- scores.contact_revision is the revision the row was computed from: a score write replaces a row
-- only when it was computed from a later revision (or the same one, later or under another live
-- version), so a re-score reading an old snapshot never overwrites a fresher row. Rows written
-- before this migration count as revision 0, older than any change to come.
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS revision BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE scores ADD COLUMN IF NOT EXISTS contact_revision BIGINT DEFAULT 0 NOT NULL;
