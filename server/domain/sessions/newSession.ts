import { randomBytes } from 'node:crypto';
import type { Store } from '../../storage/store';
import { sessionStateChanges } from '../../metrics/serviceMetrics';
import { eventRows, type EventRows } from '../events/recordEvent';
import { SESSION_TOPICS } from '../../../protocol/webhooks';
import { sendsWebhooks } from '../events/webhookPrograms';
import { AUTHORIZED_URL_TTL_MS } from './authorizedUrl';
import type { SessionRow } from './sessionRow';
import { countChangesSql, countShard } from './stateCounts';

/** The create request's parameters as a session row stores them. */
export interface NewSession {
  program: string;
  participant_unique_id1: string;
  participant_unique_id2?: string;
  host_origin: string;
  language_locale_code: string;
  theme_variant: string;
  params: object;
}

/** The idempotency key a new session claims (PRODUCT.md §1, Idempotency). */
export interface ClaimedKey {
  key: string;
  paramsHash: string;
  /** When the key stops pointing at the session (epoch ms). */
  expiresMs: number;
}

/**
 * Writes a new `active` session in ONE statement: the idempotency key (when given), the
 * session, its first authorized_url, and both events (`session.created`,
 * `session.authorized_url_issued`) with their webhook outbox rows. A single statement is
 * atomic on its own, so the common path of a create is one round trip instead of a
 * transaction of five or six.
 *
 * With a key, every row hangs off the key's insert: when the key is taken by a live session
 * (`ON CONFLICT … WHERE` leaves it alone) nothing is written and `undefined` is returned, and
 * the caller replays. A concurrent request with the same key waits on the key row until this
 * statement commits, exactly as inside a transaction.
 */
export async function insertNewSession(
  store: Store,
  id: string,
  input: NewSession,
  now: number,
  claimed?: ClaimedKey,
): Promise<{ session: SessionRow; expiresMs: number } | undefined> {
  const expiresMs = now + AUTHORIZED_URL_TTL_MS;
  const at = new Date(now);
  const tracerToken = `trc_${randomBytes(12).toString('base64url')}`;
  const participant2 = input.participant_unique_id2 ?? null;
  const owner = {
    id,
    program: input.program,
    participant_unique_id1: input.participant_unique_id1,
    participant_unique_id2: participant2,
    tracer_token: tracerToken,
  };
  const events = [
    eventRows(
      owner,
      SESSION_TOPICS.CREATED,
      {
        event_name: SESSION_TOPICS.CREATED,
        state: 'active',
        language_locale_code: input.language_locale_code,
        host_origin: input.host_origin,
      },
      at,
    ),
    eventRows(
      owner,
      SESSION_TOPICS.AUTHORIZED_URL_ISSUED,
      {
        event_name: SESSION_TOPICS.AUTHORIZED_URL_ISSUED,
        authorized_url_expiration_utc: new Date(expiresMs).toISOString(),
      },
      at,
    ),
  ];
  const [created, issued] = events as [EventRows, EventRows];

  const params: unknown[] = [
    id,
    input.program,
    input.participant_unique_id1,
    participant2,
    JSON.stringify(input.params),
    input.host_origin,
    input.language_locale_code,
    input.theme_variant,
    tracerToken,
    expiresMs,
    at,
    created.id,
    created.topic,
    created.detail,
    issued.id,
    issued.topic,
    issued.detail,
  ];
  const outbox = sendsWebhooks(input.program)
    ? `, outbox AS (
         INSERT INTO webhook_outbox (id, program, session_id, topic, body, created_at, next_attempt_at)
         SELECT e.id, s.program, s.id, e.topic, e.body, s.created_at, s.created_at
           FROM inserted s, (VALUES ($12::text, $13::text, $${params.push(created.body)}::text),
                                    ($15, $16, $${params.push(issued.body)})) AS e (id, topic, body)
       )`
    : '';
  // Without a key the session row comes from VALUES; with one, from the key's RETURNING row.
  const source = claimed ? `FROM key WHERE key.session_id = $1` : `FROM (SELECT 1) AS one`;
  const key = claimed
    ? `key AS (
         INSERT INTO idempotency_keys
           (program, participant_unique_id1, idempotency_key, params_hash, session_id, created_at, expires_at)
         VALUES ($2, $3, $${params.push(claimed.key)}, $${params.push(claimed.paramsHash)}, $1, $11,
                 $${params.push(new Date(claimed.expiresMs))})
         ON CONFLICT (program, participant_unique_id1, idempotency_key) DO UPDATE
           SET params_hash = EXCLUDED.params_hash, session_id = EXCLUDED.session_id,
               created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
           WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
         RETURNING session_id
       ), `
    : '';
  const rows = await store.query<SessionRow>(
    `WITH ${key}inserted AS (
       INSERT INTO sessions (id, program, participant_unique_id1, participant_unique_id2, state, params,
         host_origin, language_locale_code, theme_variant, tracer_token, url_expires_ms, created_at, updated_at)
       SELECT $1::text, $2::text, $3::text, $4::text, 'active', $5::jsonb, $6::text, $7::text,
              $8::text, $9::text, $10::bigint, $11::timestamptz, $11::timestamptz ${source}
       RETURNING *
     ), url AS (
       INSERT INTO authorized_urls (session_id, expires_ms, issued_at)
       SELECT id, url_expires_ms, created_at FROM inserted
     ), counted AS (
       ${countChangesSql(`(SELECT program, state, 1 AS delta FROM inserted) AS changes`, `$${params.push(countShard())}`)}
     ), timeline AS (
       INSERT INTO session_events (id, session_id, at, event_name, detail)
       SELECT e.id, s.id, s.created_at, e.topic, e.detail::jsonb
         FROM inserted s, (VALUES ($12::text, $13::text, $14::text), ($15, $16, $17)) AS e (id, topic, detail)
     )${outbox}
     SELECT * FROM inserted`,
    params,
  );
  const session = rows[0];
  if (!session) return undefined;
  sessionStateChanges.inc({ event: 'created', state: 'active' });
  return { session, expiresMs };
}
