-- Sessions, their authorized_urls and mounts, idempotency keys, the event timeline and the
-- webhook outbox (PRODUCT.md §1, §7).
-- Times the service decides on (expiry, idempotency window) come from the app clock and are
-- passed in as parameters, never `now()`, so tests can inject a clock.

CREATE TABLE sessions (
  id text PRIMARY KEY,
  program text NOT NULL,
  participant_unique_id1 text NOT NULL,
  participant_unique_id2 text,
  state text NOT NULL CHECK (state IN ('active', 'expired', 'completed', 'canceled', 'terminated', 'max_attempts_exceeded')),
  params jsonb NOT NULL,
  host_origin text NOT NULL,
  language_locale_code text NOT NULL,
  theme_variant text NOT NULL,
  tracer_token text NOT NULL,
  attempts_used integer NOT NULL DEFAULT 0,
  -- Expiry (epoch ms) of the newest authorized_url; strictly increasing per session so that
  -- two URLs issued in the same millisecond still differ.
  url_expires_ms bigint NOT NULL,
  -- Whether the newest authorized_url has been exchanged (mounted).
  url_mounted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX sessions_program_created ON sessions (program, created_at DESC, id DESC);
CREATE INDEX sessions_program_participant ON sessions (program, participant_unique_id1);
CREATE INDEX sessions_expiry ON sessions (url_expires_ms) WHERE state = 'active' AND NOT url_mounted;

-- Idempotency is enforced here: one live row per (program, participant, key).
CREATE TABLE idempotency_keys (
  program text NOT NULL,
  participant_unique_id1 text NOT NULL,
  idempotency_key text NOT NULL,
  params_hash text NOT NULL,
  session_id text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (program, participant_unique_id1, idempotency_key)
);

-- Every authorized_url ever issued, for single use.
CREATE TABLE authorized_urls (
  session_id text NOT NULL REFERENCES sessions (id),
  expires_ms bigint NOT NULL,
  issued_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (session_id, expires_ms)
);

-- One row per successful exchange; the bearer token is stored only as its SHA-256.
CREATE TABLE mounts (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions (id),
  access_token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  recipient_verification_failures integer NOT NULL DEFAULT 0,
  account_verification_failures integer NOT NULL DEFAULT 0,
  funding_destination text,
  verified_account jsonb
);
CREATE INDEX mounts_session ON mounts (session_id);

-- The ops API timeline. `id` is also the webhook event id.
CREATE TABLE session_events (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  session_id text NOT NULL REFERENCES sessions (id),
  at timestamptz NOT NULL,
  event_name text NOT NULL,
  detail jsonb NOT NULL
);
CREATE INDEX session_events_session ON session_events (session_id, seq);

-- Durable webhook outbox. `body` is the exact JSON that is signed and sent.
CREATE TABLE webhook_outbox (
  id text PRIMARY KEY,
  program text NOT NULL,
  session_id text NOT NULL,
  topic text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  delivered_at timestamptz,
  last_error text
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at) WHERE delivered_at IS NULL;

-- Generated secrets shared by every instance on this database (URL key, dev vault key).
CREATE TABLE service_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);
