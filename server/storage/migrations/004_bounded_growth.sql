-- Indexes for every ops API filter and for the retention job (PRODUCT.md §10). Each list
-- orders by (created_at DESC, id DESC), so the filter's index carries that order too.

-- participant_unique_id1 filter, in page order (replaces the unordered one of 001).
CREATE INDEX sessions_program_participant1_created ON sessions (program, participant_unique_id1, created_at DESC, id DESC);
DROP INDEX sessions_program_participant;

-- participant_unique_id2 filter.
CREATE INDEX sessions_program_participant2_created ON sessions (program, participant_unique_id2, created_at DESC, id DESC);

-- status filter, and the per-state counts of include_summary.
CREATE INDEX sessions_program_state_created ON sessions (program, state, created_at DESC, id DESC);

-- Retention: expired idempotency keys, delivered outbox rows, old timeline rows, mounts that
-- still hold a sealed payout nobody confirmed.
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
CREATE INDEX webhook_outbox_delivered ON webhook_outbox (delivered_at) WHERE delivered_at IS NOT NULL;
CREATE INDEX session_events_at ON session_events (at);
CREATE INDEX mounts_unconfirmed_payload ON mounts (expires_at) WHERE verified_account ? 'sealed_payout';
