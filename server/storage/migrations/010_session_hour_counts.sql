-- Per-(program, hour of creation, state) session counts, so that include_summary over a time
-- range sums the kept hours inside it and counts only the rows of its two partial hours,
-- however many sessions a program has (PRODUCT.md §10). `created_hour` is whole hours since
-- the Unix epoch (UTC, whatever the session's TimeZone). Moved by every statement that
-- writes `sessions.state`, with the per-state counts of 006, and sharded like them.
CREATE TABLE session_hour_counts (
  program text NOT NULL,
  created_hour bigint NOT NULL,
  state text NOT NULL,
  shard smallint NOT NULL,
  sessions bigint NOT NULL,
  PRIMARY KEY (program, created_hour, state, shard)
);
INSERT INTO session_hour_counts (program, created_hour, state, shard, sessions)
SELECT program, floor(extract(epoch FROM created_at) / 3600)::bigint, state, 0, count(*)
  FROM sessions GROUP BY 1, 2, 3;
