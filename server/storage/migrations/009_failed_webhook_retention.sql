-- Retention of webhook deliveries that gave up (PRODUCT.md §10): the job finds `failed` rows
-- older than their configured age without scanning the whole outbox.
CREATE INDEX webhook_outbox_failed ON webhook_outbox (failed_at) WHERE failed_at IS NOT NULL;
