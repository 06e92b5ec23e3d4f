/** Shards of the kept counts (see migrations 006 and 010): concurrent writers pick one at random. */
const SHARDS = 16;

/** An hour as `session_hour_counts.created_hour` stores it: whole hours since the epoch. */
export const HOUR_MS = 3_600_000;

/** A shard for one statement's count changes. */
export function countShard(): number {
  return Math.floor(Math.random() * SHARDS);
}

/**
 * Two CTEs, `counted` and `hour_counted`, that add the `delta` rows of `source` (columns
 * `program`, `created_at`, `state`, `delta`) to the kept per-state and per-hour-per-state
 * counts, in the caller's statement. `$shard` is a parameter.
 */
export function countChangesCtes(source: string, shardParam: string): string {
  return `counted AS (
      INSERT INTO session_state_counts (program, state, shard, sessions)
      SELECT program, state, ${shardParam}::smallint, sum(delta) FROM ${source}
       GROUP BY program, state
      ON CONFLICT (program, state, shard)
      DO UPDATE SET sessions = session_state_counts.sessions + EXCLUDED.sessions
    ), hour_counted AS (
      INSERT INTO session_hour_counts (program, created_hour, state, shard, sessions)
      SELECT program, floor(extract(epoch FROM created_at) / 3600)::bigint, state,
             ${shardParam}::smallint, sum(delta) FROM ${source}
       GROUP BY 1, 2, 3
      ON CONFLICT (program, created_hour, state, shard)
      DO UPDATE SET sessions = session_hour_counts.sessions + EXCLUDED.sessions
    )`;
}
