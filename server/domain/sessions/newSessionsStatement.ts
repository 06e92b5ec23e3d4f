import { SESSION_TOPICS } from '../../../protocol/webhooks';
import { takeTokensCte } from '../../http/sharedTokenBuckets';
import { countChangesCtes } from './stateCounts';

// The participant's token first; `granted` is the creates whose bucket had one (or none to take).
const TAKE_FIRST = `takes AS (
    SELECT bucket_key AS key, bucket_burst AS burst, bucket_per_second AS per_second,
           (extract(epoch FROM created_at) * 1000)::bigint AS at_ms
      FROM input WHERE bucket_key IS NOT NULL
  ), ${takeTokensCte('taken', 'takes')}, granted AS (
    SELECT * FROM input
     WHERE bucket_key IS NULL OR bucket_key IN (SELECT key FROM taken WHERE granted)
  )`;

// One row per create: whether its session was written, and its bucket.
const ANSWER_PER_CREATE = `SELECT i.id AS input_id, s.id IS NOT NULL AS written, t.tokens AS bucket_tokens,
         t.granted AS bucket_granted
    FROM input i LEFT JOIN inserted s ON s.id = i.id LEFT JOIN taken t ON t.key = i.bucket_key`;

// One row per session written.
const ANSWER_PER_SESSION = `SELECT s.id AS input_id, true AS written, NULL::double precision AS bucket_tokens,
         NULL::boolean AS bucket_granted FROM inserted s`;

/**
 * Every column of a batch arrives as one array parameter ($1…$20, $22…$24; $21 is the count
 * shard), so the text is the same for any batch size and any mix of keyed and keyless
 * creates. The answer has one row per session written, with `input_id` (its create's id) and
 * `written`, or, when taking, one row per create with its bucket (`bucket_tokens`,
 * `bucket_granted`) and `written` false when no session was written. The service already
 * holds every value it wrote, so the answer carries none of them back: `inserted` returns
 * only the columns the later parts of the statement read.
 */
function newSessionsSql(taking: boolean): string {
  const source = taking ? 'granted' : 'input';
  return `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                         $7::text[], $8::text[], $9::text[], $10::bigint[], $11::timestamptz[],
                         $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
                         $17::text[], $18::text[], $19::text[], $20::timestamptz[],
                         $22::text[], $23::double precision[], $24::double precision[])
      WITH ORDINALITY AS i (id, program, participant1, participant2, params, host_origin,
                            language_locale_code, theme_variant, tracer_token, url_expires_ms,
                            created_at, created_id, created_detail, created_body, issued_id,
                            issued_detail, issued_body, idempotency_key, params_hash,
                            key_expires_at, bucket_key, bucket_burst, bucket_per_second, n)
  ), ${taking ? `${TAKE_FIRST}, ` : ''}key AS (
    INSERT INTO idempotency_keys
      (program, participant_unique_id1, idempotency_key, params_hash, session_id, created_at, expires_at)
    SELECT program, participant1, idempotency_key, params_hash, id, created_at, key_expires_at
      FROM ${source} WHERE idempotency_key IS NOT NULL
    ON CONFLICT (program, participant_unique_id1, idempotency_key) DO UPDATE
      SET params_hash = EXCLUDED.params_hash, session_id = EXCLUDED.session_id,
          created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
      WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
    RETURNING session_id
  ), inserted AS (
    INSERT INTO sessions (id, program, participant_unique_id1, participant_unique_id2, state, params,
      host_origin, language_locale_code, theme_variant, tracer_token, url_expires_ms, created_at, updated_at)
    SELECT id, program, participant1, participant2, 'active', params::jsonb, host_origin,
           language_locale_code, theme_variant, tracer_token, url_expires_ms, created_at, created_at
      FROM ${source}
     WHERE idempotency_key IS NULL OR id IN (SELECT session_id FROM key)
    RETURNING id, program, state, url_expires_ms, created_at
  ), url AS (
    INSERT INTO authorized_urls (session_id, expires_ms, issued_at)
    SELECT id, url_expires_ms, created_at FROM inserted
  ), ${countChangesCtes(`(SELECT program, created_at, state, 1 AS delta FROM inserted) AS changes`, '$21')},
  events AS (
    SELECT e.*, s.program, s.id AS session_id, s.created_at, i.n
      FROM inserted s JOIN input i ON i.id = s.id,
           LATERAL (VALUES (1, i.created_id, '${SESSION_TOPICS.CREATED}', i.created_detail, i.created_body),
                           (2, i.issued_id, '${SESSION_TOPICS.AUTHORIZED_URL_ISSUED}', i.issued_detail, i.issued_body))
             AS e (k, id, topic, detail, body)
  ), timeline AS (
    -- In request order, created before issued: the timeline reads in seq order.
    INSERT INTO session_events (id, session_id, at, event_name, detail)
    SELECT id, session_id, created_at, topic, detail::jsonb FROM events ORDER BY n, k
  ), outbox AS (
    INSERT INTO webhook_outbox (id, program, session_id, topic, body, created_at, next_attempt_at)
    SELECT id, program, session_id, topic, body, created_at, created_at FROM events
     WHERE body IS NOT NULL
  )
  ${taking ? ANSWER_PER_CREATE : ANSWER_PER_SESSION}`;
}

/**
 * The batched new-session statement in its two shapes, each a named prepared statement: one
 * text per shape for every batch, so PostgreSQL plans each once per connection. `taking`
 * also takes each create's rate-limit token first (PostgreSQL's shared buckets); `plain`
 * leaves the rate limit out (the embedded store keeps its buckets in memory), so PGlite, which
 * plans every statement and runs one at a time, does not pay for it.
 */
export const NEW_SESSIONS_STATEMENTS = {
  taking: { name: 'tokenframe_new_sessions_taking', sql: newSessionsSql(true) },
  plain: { name: 'tokenframe_new_sessions', sql: newSessionsSql(false) },
} as const;
