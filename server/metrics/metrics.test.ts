import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIRED_ASSETS } from '../health/healthRoutes';
import { sampleSessionRequest } from '../testing/signedClient';
import { startTestApp, testClock, type TestApp } from '../testing/testApp';
import { expireStaleSessions } from '../jobs/sessionExpiry';

const lines: string[] = [];
const stream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});
const dist = mkdtempSync(join(tmpdir(), 'tokenframe-dist-'));
const clock = testClock();
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    clock: clock.now,
    logger: { level: 'info', stream },
    env: { TOKENFRAME_DIST_DIR: dist },
  });
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

/** The value of one sample line of the Prometheus text, or 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split('\n')
    .find(
      (l) =>
        (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
        wanted.every((w) => l.includes(w)),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

const scrape = async () => {
  const response = await fetch(`${t.url}/metrics`);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
};

describe('/metrics', () => {
  it('counts requests by route pattern and status, creates by envelope status, state changes and the outbox', async () => {
    const before = await scrape();
    const created = await t.client.createSession(
      sampleSessionRequest({ participant_unique_id1: 'm1' }),
    );
    expect(created.body.status).toBe(100);
    await t.client.createSession(sampleSessionRequest(), undefined, { secret: 'wrong-secret' });
    await fetch(`${t.url}/api/v1/sessions/${created.body.data.session_identifier}`);
    clock.advance(31_000);
    expect(await expireStaleSessions(t.store, clock.now())).toBeGreaterThanOrEqual(1);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    const createRoute = { method: 'POST', route: '/api/v1/sessions/point-in-time/plugin' };
    expect(delta('tokenframe_http_requests_total', { ...createRoute, status: '200' })).toBe(1);
    expect(delta('tokenframe_http_requests_total', { ...createRoute, status: '401' })).toBe(1);
    // A path with an id is counted under its pattern, never the raw path.
    expect(after).toContain('route="/api/v1/sessions/:id"');
    expect(after).not.toContain(created.body.data.session_identifier);
    expect(
      delta('tokenframe_http_request_duration_seconds_count', { ...createRoute, status: '200' }),
    ).toBe(1);
    expect(delta('tokenframe_session_creates_total', { status: '100' })).toBe(1);
    expect(delta('tokenframe_session_creates_total', { status: '13401' })).toBe(1);
    expect(
      delta('tokenframe_session_state_changes_total', { event: 'created', state: 'active' }),
    ).toBe(1);
    expect(
      delta('tokenframe_session_state_changes_total', { event: 'url_expired', state: 'expired' }),
    ).toBeGreaterThanOrEqual(1);
    // No webhook is configured: the sandbox's events stay on the timeline only.
    expect(sample(after, 'tokenframe_webhook_outbox_undelivered')).toBe(0);
    expect(sample(after, 'tokenframe_webhook_outbox_oldest_undelivered_age_seconds')).toBe(0);
    expect(sample(after, 'tokenframe_store_queue_wait_seconds_count')).toBeGreaterThan(
      sample(before, 'tokenframe_store_queue_wait_seconds_count'),
    );
    expect(after).toContain('tokenframe_webhook_attempts_total');
    expect(after).toContain('tokenframe_process_cpu_seconds_total');
  });

  it('reports the outbox depth and the age of its oldest undelivered row', async () => {
    const old = new Date(clock.now() - 90_000);
    await t.store.query(
      `INSERT INTO webhook_outbox (id, program, session_id, topic, body, created_at, next_attempt_at)
       VALUES ('evt-old', 'demo', 's', 'session.created', '{}', $1, $1)`,
      [old],
    );
    try {
      const text = await scrape();
      expect(sample(text, 'tokenframe_webhook_outbox_undelivered')).toBe(1);
      expect(sample(text, 'tokenframe_webhook_outbox_oldest_undelivered_age_seconds')).toBe(90);
    } finally {
      await t.store.query(`DELETE FROM webhook_outbox WHERE id = 'evt-old'`);
    }
  });
});

describe('operability', () => {
  it('logs why a request was refused with 401, and returns only 13401', async () => {
    const refused = await t.client.createSession(sampleSessionRequest(), undefined, {
      secret: 'wrong-secret',
      headers: { 'X-Request-Id': 'merchant-req-42' },
    });
    expect(refused.httpStatus).toBe(401);
    expect(refused.headers.get('x-request-id')).toBe('merchant-req-42');
    expect(JSON.stringify(refused.body)).not.toContain('signature');
    await expect
      .poll(() =>
        lines
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .find((r) => r.reason && r.request_id === 'merchant-req-42'),
      )
      .toMatchObject({ request_id: 'merchant-req-42', reason: 'signature mismatch' });
  });

  it('carries an incoming W3C traceparent into every log line of the request, and ignores a malformed one', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await t.client.createSession(sampleSessionRequest(), undefined, {
      secret: 'wrong-secret',
      headers: { 'X-Request-Id': 'traced-1', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    await t.client.createSession(sampleSessionRequest(), undefined, {
      secret: 'wrong-secret',
      headers: { 'X-Request-Id': 'traced-2', traceparent: `00-${traceId}-bad-01` },
    });
    const of = (id: string) =>
      lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r.request_id === id);
    await expect.poll(() => of('traced-1').filter((r) => r.reason).length).toBe(1);
    // The incoming line, the 401 reason and the completion line all carry the trace.
    expect(of('traced-1').length).toBeGreaterThanOrEqual(2);
    for (const line of of('traced-1'))
      expect(line).toMatchObject({ trace_id: traceId, parent_span_id: '00f067aa0ba902b7' });
    await expect.poll(() => of('traced-2').length).toBeGreaterThanOrEqual(2);
    for (const line of of('traced-2')) expect(line).not.toHaveProperty('trace_id');
  });

  it('keeps a plain incoming X-Request-Id and replaces one that is not', async () => {
    const kept = await fetch(`${t.url}/healthz`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await fetch(`${t.url}/healthz`, {
      headers: { 'X-Request-Id': `"injected" {json} ${'x'.repeat(200)}` },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is ready only when the SDK and widget assets are present', async () => {
    const missing = await fetch(`${t.url}/readyz`);
    expect(missing.status).toBe(503);
    expect(await missing.json()).toMatchObject({
      ok: false,
      checks: { store: { ok: true }, migrations: { ok: true }, assets: { ok: false } },
    });
    for (const file of REQUIRED_ASSETS) {
      mkdirSync(dirname(join(dist, file)), { recursive: true });
      writeFileSync(join(dist, file), 'built');
    }
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('is not ready while a migration is pending', async () => {
    await t.store.query(`DELETE FROM schema_migrations WHERE name = '004_bounded_growth.sql'`);
    try {
      const response = await fetch(`${t.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        checks: { migrations: { ok: false, detail: 'pending: 004_bounded_growth.sql' } },
      });
    } finally {
      await t.store.query(`INSERT INTO schema_migrations (name) VALUES ('004_bounded_growth.sql')`);
    }
  });

  it('tells its version', async () => {
    const version = (await (await fetch(`${t.url}/version`)).json()) as Record<string, unknown>;
    expect(version).toMatchObject({ version: '0.1.0', engine: 'pglite', node: process.version });
  });
});
