-- Per-program session counts by state, so the ops list's include_summary stays fast however
-- many sessions a program has. Every write of `sessions.state` adds its +1/-1 in the same
-- statement. Rows are spread over 16 shards so concurrent creates rarely wait on one row;
-- a summary sums them.
CREATE TABLE session_state_counts (
  program text NOT NULL,
  state text NOT NULL,
  shard smallint NOT NULL,
  sessions bigint NOT NULL,
  PRIMARY KEY (program, state, shard)
);
INSERT INTO session_state_counts (program, state, shard, sessions)
SELECT program, state, 0, count(*) FROM sessions GROUP BY program, state;
