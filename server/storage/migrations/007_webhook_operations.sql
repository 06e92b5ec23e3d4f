-- Webhook operations (PRODUCT.md §7): a delivery gives up after a capped number of attempts
-- (`failed_at`, resendable through the ops API), and the log keeps the receiver's last HTTP
-- status beside the last error.
ALTER TABLE webhook_outbox ADD COLUMN failed_at timestamptz;
ALTER TABLE webhook_outbox ADD COLUMN last_status integer;
ALTER TABLE webhook_outbox ADD COLUMN resent_at timestamptz;
CREATE INDEX webhook_outbox_session ON webhook_outbox (session_id, created_at);
