import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus metrics, served at `/metrics`. One registry per process: a process
 * runs one service, and a counter incremented deep in the session module (a state change)
 * need not be handed down through every call.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'tokenframe_' });

const registers = [metricsRegistry];

/** Every HTTP answer, by method, route pattern (never the raw path) and HTTP status. */
export const httpRequests = new Counter({
  name: 'tokenframe_http_requests_total',
  help: 'HTTP requests answered, by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers,
});

/** Time from request to response, by the same labels. */
export const httpDuration = new Histogram({
  name: 'tokenframe_http_request_duration_seconds',
  help: 'HTTP request latency in seconds, by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers,
});

/** Session create requests by the envelope's status code (100, 101, 13400, 13401, …). */
export const sessionCreates = new Counter({
  name: 'tokenframe_session_creates_total',
  help: 'Session create requests, by envelope status code (PRODUCT.md §1)',
  labelNames: ['status'] as const,
  registers,
});

/** Session state changes through the transition table (`created` for a new session). */
export const sessionStateChanges = new Counter({
  name: 'tokenframe_session_state_changes_total',
  help: 'Session state changes, by event and resulting state',
  labelNames: ['event', 'state'] as const,
  registers,
});

/** Undelivered webhook outbox rows (refreshed on every scrape). */
export const outboxDepth = new Gauge({
  name: 'tokenframe_webhook_outbox_undelivered',
  help: 'Webhook outbox rows not yet delivered',
  registers,
});

/** Age of the oldest undelivered outbox row (0 when none; refreshed on every scrape). */
export const outboxOldestAge = new Gauge({
  name: 'tokenframe_webhook_outbox_oldest_undelivered_age_seconds',
  help: 'Age in seconds of the oldest undelivered webhook outbox row',
  registers,
});

/** Webhook delivery attempts by outcome (`delivered`, `failed`). */
export const webhookAttempts = new Counter({
  name: 'tokenframe_webhook_attempts_total',
  help: 'Webhook delivery attempts, by outcome',
  labelNames: ['outcome'] as const,
  registers,
});

/** Failed webhook attempts by reason (`http_5xx`, `timeout`, `connection`, …). */
export const webhookFailures = new Counter({
  name: 'tokenframe_webhook_failures_total',
  help: 'Failed webhook delivery attempts, by reason',
  labelNames: ['reason'] as const,
  registers,
});

/** On the embedded store: how long a statement waited for PGlite's single connection. */
export const storeQueueWait = new Histogram({
  name: 'tokenframe_store_queue_wait_seconds',
  help: 'Time a statement or transaction waited in the embedded store queue (PGlite only)',
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers,
});

/** Rows deleted by the retention job, by table. */
export const retentionDeletes = new Counter({
  name: 'tokenframe_retention_deleted_rows_total',
  help: 'Rows removed by the retention job, by table',
  labelNames: ['table'] as const,
  registers,
});
