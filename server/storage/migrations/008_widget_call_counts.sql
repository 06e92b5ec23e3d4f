-- Card-testing defence (PRODUCT.md §10): calls to the widget API's /account and /confirm,
-- counted per fixed window for each mount, session and client IP (hashed), in the store so
-- that every instance on one PostgreSQL database sees the same counts.
CREATE TABLE widget_call_counts (
  scope text NOT NULL,
  subject text NOT NULL,
  window_start timestamptz NOT NULL,
  calls integer NOT NULL,
  PRIMARY KEY (scope, subject, window_start)
);
CREATE INDEX widget_call_counts_window ON widget_call_counts (window_start);
