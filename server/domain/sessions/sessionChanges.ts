import { randomUUID } from 'node:crypto';
import type { Store } from '../../storage/store';
import { recordEvent, validatedEvent } from '../events/recordEvent';
import { SESSION_TOPICS, WEBHOOK_VERSION, type WebhookTopic } from '../../../protocol/webhooks';
import { webhookProgramList } from '../events/webhookPrograms';
import { ACCESS_TOKEN_TTL_MS, hashAccessToken, newAccessToken } from './accessToken';
import { AUTHORIZED_URL_TTL_MS } from './authorizedUrl';
import type { MountRow, SessionRow } from './sessionRow';
import { transition, type SessionEvent } from './state';
import { sessionStateChanges } from '../../metrics/serviceMetrics';
import { countChangesCtes, countShard } from './stateCounts';

/**
 * The one module that writes `sessions`, `mounts` and `authorized_urls`. Every change runs
 * inside the caller's transaction on a row the caller locked with {@link lockSession}: it
 * checks the transition table, writes, and records its timeline and webhook outbox rows
 * (PRODUCT.md §1, §7), so a state change and its events commit together or not at all.
 * A new session is written by `newSession.ts`, in one statement.
 */

/** One event a change records: its topic is also its `event_name`. */
export interface SessionRecord {
  topic: WebhookTopic;
  event?: Record<string, unknown>;
}

/** A change to one locked session. */
export interface SessionChange {
  event: SessionEvent;
  /** Columns written besides `state` and `updated_at`. */
  set?: { url_expires_ms?: number; url_mounted?: boolean; attempts_used?: number };
  /** Timeline and webhook events, recorded in this order. */
  records?: readonly SessionRecord[];
}

/** The transition table has no row for this (state, event): nothing was written. */
export class SessionChangeRefused extends Error {
  override readonly name = 'SessionChangeRefused';
  constructor(
    readonly session: SessionRow,
    readonly event: SessionEvent,
  ) {
    super(`session ${session.id}: ${event} is not allowed in state ${session.state}`);
  }
}

/** Reads and locks a session row (`FOR UPDATE`); `program` limits it to one program's. */
export async function lockSession(
  tx: Store,
  id: string,
  program?: string,
): Promise<SessionRow | undefined> {
  const rows =
    program === undefined
      ? await tx.query<SessionRow>('SELECT * FROM sessions WHERE id = $1 FOR UPDATE', [id])
      : await tx.query<SessionRow>(
          'SELECT * FROM sessions WHERE id = $1 AND program = $2 FOR UPDATE',
          [id, program],
        );
  return rows[0];
}

/** Reads and locks a mount row. */
export async function lockMount(tx: Store, id: string): Promise<MountRow | undefined> {
  return (await tx.query<MountRow>('SELECT * FROM mounts WHERE id = $1 FOR UPDATE', [id]))[0];
}

/**
 * Applies `change` to a session the caller locked: the table decides the next state
 * (throws {@link SessionChangeRefused} when it has no row), then the row and its events are
 * written. Returns the updated row.
 */
export async function changeSession(
  tx: Store,
  session: SessionRow,
  change: SessionChange,
  now: number,
): Promise<SessionRow> {
  const next = transition(session.state, change.event);
  if (!next) throw new SessionChangeRefused(session, change.event);
  const columns = Object.entries(change.set ?? {}).filter(([, value]) => value !== undefined);
  const assignments = columns.map(([name], i) => `${name} = $${i + 4}`);
  const values = [session.id, next, new Date(now), ...columns.map(([, value]) => value)];
  const oldState = `$${values.push(session.state)}::text`;
  const shard = `$${values.push(countShard())}`;
  // The state counts move in the same statement (-1 old state, +1 new) when the state changes.
  const updated = (
    await tx.query<SessionRow>(
      `WITH updated AS (
         UPDATE sessions SET ${['state = $2', 'updated_at = $3', ...assignments].join(', ')}
          WHERE id = $1 RETURNING *
       ), ${countChangesCtes(
         `(SELECT u.program, u.created_at, d.state, d.delta FROM updated u,
             (VALUES (${oldState}, -1), ($2::text, 1)) AS d (state, delta)
           WHERE ${oldState} <> $2::text) AS changes`,
         shard,
       )}
       SELECT * FROM updated`,
      values,
    )
  )[0]!;
  tx.afterCommit(() => sessionStateChanges.inc({ event: change.event, state: next }));
  for (const record of change.records ?? [])
    await recordEvent(
      tx,
      updated,
      record.topic,
      { event_name: record.topic, ...record.event },
      { now },
    );
  return updated;
}

/**
 * Issues a fresh authorized_url for a locked session (an idempotent replay). Its expiry
 * strictly increases per session, so every replay yields a distinct URL even within one
 * millisecond.
 */
export async function issueAuthorizedUrl(
  tx: Store,
  session: SessionRow,
  now: number,
): Promise<{ session: SessionRow; expiresMs: number }> {
  const expiresMs = Math.max(now + AUTHORIZED_URL_TTL_MS, Number(session.url_expires_ms) + 1);
  const updated = await changeSession(
    tx,
    session,
    {
      event: 'url_issued',
      set: { url_expires_ms: expiresMs, url_mounted: false },
      records: [{ topic: SESSION_TOPICS.AUTHORIZED_URL_ISSUED, event: urlIssued(expiresMs) }],
    },
    now,
  );
  await tx.query(
    'INSERT INTO authorized_urls (session_id, expires_ms, issued_at) VALUES ($1, $2, $3)',
    [session.id, expiresMs, new Date(now)],
  );
  return { session: updated, expiresMs };
}

function urlIssued(expiresMs: number): Record<string, unknown> {
  return {
    event_name: SESSION_TOPICS.AUTHORIZED_URL_ISSUED,
    authorized_url_expiration_utc: new Date(expiresMs).toISOString(),
  };
}

/**
 * Spends the authorized_url `expiresMs` of a locked session on a new mount and returns the
 * mount's bearer token (shown once, stored hashed).
 */
export async function mountAuthorizedUrl(
  tx: Store,
  session: SessionRow,
  expiresMs: string,
  now: number,
): Promise<{ session: SessionRow; mount: MountRow; accessToken: string }> {
  const at = new Date(now);
  const updated = await changeSession(
    tx,
    session,
    { event: 'mounted', set: { url_mounted: true }, records: [{ topic: SESSION_TOPICS.MOUNTED }] },
    now,
  );
  await tx.query(
    'UPDATE authorized_urls SET used_at = $3 WHERE session_id = $1 AND expires_ms = $2',
    [session.id, expiresMs, at],
  );
  const accessToken = newAccessToken();
  const mount = (
    await tx.query<MountRow>(
      `INSERT INTO mounts (id, session_id, access_token_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [
        randomUUID(),
        session.id,
        hashAccessToken(accessToken),
        at,
        new Date(now + ACCESS_TOKEN_TTL_MS),
      ],
    )
  )[0]!;
  return { session: updated, mount, accessToken };
}

/** Ends a locked session from the ops API; its live mounts' bearer tokens stop working at once. */
export async function terminateSession(
  tx: Store,
  session: SessionRow,
  now: number,
): Promise<SessionRow> {
  const updated = await changeSession(
    tx,
    session,
    { event: 'terminated', records: [{ topic: SESSION_TOPICS.TERMINATED }] },
    now,
  );
  await tx.query('UPDATE mounts SET expires_at = $2 WHERE session_id = $1 AND expires_at > $2', [
    session.id,
    new Date(now),
  ]);
  return updated;
}

/** Mount columns a flow step writes. */
export interface MountChange {
  funding_destination?: string | null;
  verified_account?: object | null;
  recipient_verification_failures?: number;
  account_verification_failures?: number;
}

/** Writes the given columns of a locked mount (`undefined` leaves a column as it is). */
export async function changeMount(tx: Store, mountId: string, change: MountChange): Promise<void> {
  const columns = Object.entries(change).filter(([, value]) => value !== undefined);
  if (columns.length === 0) return;
  await tx.query(
    `UPDATE mounts SET ${columns.map(([name], i) => `${name} = $${i + 2}`).join(', ')} WHERE id = $1`,
    [
      mountId,
      ...columns.map(([name, value]) =>
        name === 'verified_account' && value !== null ? JSON.stringify(value) : value,
      ),
    ],
  );
}

/**
 * Moves up to `limit` active sessions whose newest authorized_url passed its expiry
 * unmounted to `expired` (the table's `url_expired` row), with their timeline and webhook
 * outbox rows, in ONE statement: the sweep holds the embedded store for one short statement
 * instead of one per session. Safe on several instances at once: `SKIP LOCKED` hands each
 * session to one of them. The webhook body is built in SQL with the same envelope as
 * {@link recordEvent} (PRODUCT.md §7), its timestamp passed from the app clock.
 */
export async function expireUnmountedSessions(
  store: Store,
  now: number,
  limit = 500,
): Promise<number> {
  const next = transition('active', 'url_expired');
  if (!next) throw new Error('the transition table has no url_expired row for active sessions');
  const at = new Date(now);
  // Validated like every recorded event (protocol/webhooks.ts), once for the whole sweep.
  const event = validatedEvent(SESSION_TOPICS.EXPIRED, { event_name: SESSION_TOPICS.EXPIRED });
  const rows = await store.query<{ id: string }>(
    `WITH due AS (
       SELECT id FROM sessions
        WHERE state = 'active' AND NOT url_mounted AND url_expires_ms <= $1
        ORDER BY url_expires_ms LIMIT $2 FOR UPDATE SKIP LOCKED
     ), expired AS (
       UPDATE sessions s SET state = $3, updated_at = $4 FROM due WHERE s.id = due.id
       RETURNING s.id, s.program, s.participant_unique_id1, s.participant_unique_id2,
                 s.tracer_token, s.created_at, gen_random_uuid()::text AS event_id
     ), ${countChangesCtes(
       `(SELECT e.program, e.created_at, d.state, d.delta FROM expired e,
           (VALUES ('active', -1), ($3::text, 1)) AS d (state, delta)) AS changes`,
       '$10',
     )}, timeline AS (
       INSERT INTO session_events (id, session_id, at, event_name, detail)
       SELECT event_id, id, $4, $5, $6::jsonb FROM expired
     ), outbox AS (
       INSERT INTO webhook_outbox (id, program, session_id, topic, body, created_at, next_attempt_at)
       SELECT event_id, program, id, $5,
              json_build_object(
                'metadata', json_build_object('id', event_id, 'timestamp', $7::text,
                                              'topic', $5::text, 'version', $8::text),
                'data', json_build_object(
                  'ancillary', json_build_object(
                    'participant_unique_id1', participant_unique_id1,
                    'participant_unique_id2', coalesce(participant_unique_id2, ''),
                    'session_id', id, 'tracer_token', tracer_token),
                  'event', $6::json))::text,
              $4, $4
         FROM expired WHERE $9::text[] IS NULL OR program = ANY($9::text[])
     )
     SELECT id FROM expired`,
    [
      now,
      limit,
      next,
      at,
      SESSION_TOPICS.EXPIRED,
      JSON.stringify(event),
      at.toISOString(),
      WEBHOOK_VERSION,
      webhookProgramList(),
      countShard(),
    ],
  );
  if (rows.length > 0)
    store.afterCommit(() =>
      sessionStateChanges.inc({ event: 'url_expired', state: next }, rows.length),
    );
  return rows.length;
}
