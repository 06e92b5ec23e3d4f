-- Token buckets shared by every instance on one PostgreSQL database (PRODUCT.md §10: the
-- per-participant limit holds across instances). The embedded store serves one instance and
-- keeps its buckets in memory; the table is there on both engines, one schema.
CREATE TABLE rate_limit_buckets (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  -- Epoch ms of the last refill, from the app clock.
  at_ms bigint NOT NULL,
  granted boolean NOT NULL
);
-- Retention drops buckets untouched for long: a full bucket carries no information.
CREATE INDEX rate_limit_buckets_at ON rate_limit_buckets (at_ms);
