/** Shards of `session_state_counts` (see migration 006): concurrent writers pick one at random. */
const SHARDS = 16;

/** A shard for one statement's count changes. */
export function countShard(): number {
  return Math.floor(Math.random() * SHARDS);
}

/**
 * The CTE body that adds `delta` rows (`(state text, delta bigint)` from `source`, each with
 * its `program`) to the state counts, in the caller's statement. `$shard` is a parameter.
 */
export function countChangesSql(source: string, shardParam: string): string {
  return `INSERT INTO session_state_counts (program, state, shard, sessions)
          SELECT program, state, ${shardParam}::smallint, sum(delta) FROM ${source}
           GROUP BY program, state
          ON CONFLICT (program, state, shard)
          DO UPDATE SET sessions = session_state_counts.sessions + EXCLUDED.sessions`;
}
