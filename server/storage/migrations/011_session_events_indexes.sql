-- Two of the timeline's four indexes go: every create writes two timeline rows and every
-- expiry one more, and each index is one more B-tree insert per row (measured: about a tenth
-- of the batched create's execution on PostgreSQL). What each query needs stays:
-- - the ops API's timeline of a session (`WHERE session_id = $1 ORDER BY seq`) reads the
--   primary key, which is now (session_id, seq): the same order as the index it replaces;
-- - retention finds old rows by `at` (004's session_events_at) and deletes them by ctid;
-- - `id` (the webhook event id, PRODUCT.md §7) is a random UUID minted once per event, and
--   no query looks a timeline row up by it. The outbox, which delivers by that id, keeps its
--   own primary key on it.
ALTER TABLE session_events DROP CONSTRAINT session_events_id_key;
ALTER TABLE session_events DROP CONSTRAINT session_events_pkey;
ALTER TABLE session_events ADD PRIMARY KEY (session_id, seq);
DROP INDEX session_events_session;
