import type { Store } from '../../storage/store';
import { HOUR_MS } from '../../domain/sessions/stateCounts';

/** The list filters that decide which sessions include_summary counts. */
export interface SummaryFilters {
  participant_unique_id1?: string;
  participant_unique_id2?: string;
  created_from?: string;
  created_to?: string;
}

type Counts = { state: string; count: string }[];

/**
 * Session counts per state for include_summary (PRODUCT.md §4), kept fast however many
 * sessions a program has:
 * - no filter: the kept per-state counts (migration 006);
 * - a time range only: the kept per-hour counts of the whole hours inside it (migration 010)
 *   plus a count of the rows in its two partial hours;
 * - a participant filter: a count of that participant's (indexed, few) rows.
 * `filtered` and `params` are the list's WHERE clauses on `program`, participants and time,
 * and their parameters, which the row counts reuse.
 */
export async function summaryCounts(
  store: Store,
  program: string,
  filters: SummaryFilters,
  filtered: readonly string[],
  params: readonly unknown[],
): Promise<Counts> {
  const byParticipant =
    filters.participant_unique_id1 !== undefined || filters.participant_unique_id2 !== undefined;
  if (filtered.length === 1)
    return store.query(
      'SELECT state, sum(sessions)::text AS count FROM session_state_counts WHERE program = $1 GROUP BY state',
      [program],
    );
  const from = filters.created_from ? Date.parse(filters.created_from) : undefined;
  const to = filters.created_to ? Date.parse(filters.created_to) : undefined;
  // Whole hours [firstHour, endHour) lie inside the range; the rest are its partial edges.
  const firstHour = from === undefined ? Number.MIN_SAFE_INTEGER : Math.ceil(from / HOUR_MS);
  const endHour = to === undefined ? Number.MAX_SAFE_INTEGER : Math.floor(to / HOUR_MS);
  if (byParticipant || firstHour >= endHour)
    return store.query(
      `SELECT state, count(*)::text AS count FROM sessions WHERE ${filtered.join(' AND ')} GROUP BY state`,
      params.slice(0, filtered.length),
    );
  // An edge that does not exist is the empty range [x, x).
  const head = from === undefined ? [0, 0] : [from, firstHour * HOUR_MS];
  const tail = to === undefined ? [0, 0] : [endHour * HOUR_MS, to];
  return store.query(
    `SELECT state, sum(n)::text AS count FROM (
       SELECT state, sessions AS n FROM session_hour_counts
        WHERE program = $1 AND created_hour >= $2 AND created_hour < $3
       UNION ALL
       SELECT state, 1 FROM sessions
        WHERE program = $1 AND ((created_at >= $4 AND created_at < $5)
                             OR (created_at >= $6 AND created_at < $7))
     ) AS counted GROUP BY state`,
    [program, firstHour, endHour, ...[...head, ...tail].map((ms) => new Date(ms))],
  );
}
