-- PostgreSQL only. Orders keys by code point as the engine and the leaderboard's keyset do
-- (Event.ORDER: occurredAt, then eventKey), whatever collation the database was created with:
-- under en_US or ICU collations "a" < "B", under "C" (bytes of UTF-8 = code points) "B" < "a".
-- The indexes on these columns are rebuilt with the column, so they serve that order. The
-- tables are empty at this point. H2 compares strings by Java's String.compareTo already.
ALTER TABLE events ALTER COLUMN event_key TYPE TEXT COLLATE "C";
ALTER TABLE scores ALTER COLUMN contact_id TYPE TEXT COLLATE "C";
ALTER TABLE score_topics ALTER COLUMN contact_id TYPE TEXT COLLATE "C";
