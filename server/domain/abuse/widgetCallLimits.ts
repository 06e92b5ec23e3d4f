import { createHash } from 'node:crypto';
import type { Store } from '../../storage/store';
import type { Program } from '../programs/program';

/** Who a widget call is counted against. */
export interface CallSubjects {
  mountId: string;
  sessionId: string;
  clientIp: string;
}

/** The outcome of counting one call: allowed, or refused with the seconds until a retry helps. */
export type CallVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

const SCOPES = ['per_mount', 'per_session', 'per_client_ip'] as const;

/**
 * Counts one /account or /confirm call against its mount, session and client IP in the
 * program's fixed windows (PRODUCT.md §10) and says whether it may proceed. The three
 * counters move in one `INSERT … ON CONFLICT DO UPDATE`, so concurrent calls on any number of
 * instances sharing PostgreSQL are counted exactly. A refused call still counts: a script
 * that keeps hammering keeps its window full. The IP is stored as a hash, never as typed.
 * This module writes `widget_call_counts`; the retention job drops ended windows.
 */
export async function countWidgetCall(
  store: Store,
  limits: Program['widget_call_limits'],
  subjects: CallSubjects,
  now: number,
): Promise<CallVerdict> {
  const subjectOf = {
    per_mount: subjects.mountId,
    per_session: subjects.sessionId,
    per_client_ip: createHash('sha256').update(subjects.clientIp).digest('base64url'),
  };
  const windowStart = (scope: (typeof SCOPES)[number]) => {
    const windowMs = limits[scope].window_seconds * 1000;
    return Math.floor(now / windowMs) * windowMs;
  };
  const params: unknown[] = [];
  const rows = SCOPES.map((scope) => {
    params.push(scope, subjectOf[scope], new Date(windowStart(scope)));
    const n = params.length;
    return `($${n - 2}, $${n - 1}, $${n}, 1)`;
  });
  const counted = await store.query<{ scope: (typeof SCOPES)[number]; calls: number }>(
    `INSERT INTO widget_call_counts (scope, subject, window_start, calls) VALUES ${rows.join(', ')}
     ON CONFLICT (scope, subject, window_start)
     DO UPDATE SET calls = widget_call_counts.calls + 1
     RETURNING scope, calls`,
    params,
  );
  let retryAfterSeconds = 0;
  for (const { scope, calls } of counted) {
    const limit = limits[scope];
    if (calls <= limit.calls) continue;
    const windowEnd = windowStart(scope) + limit.window_seconds * 1000;
    retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((windowEnd - now) / 1000));
  }
  return retryAfterSeconds === 0 ? { ok: true } : { ok: false, retryAfterSeconds };
}
