import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignedClient, sampleSessionRequest, signRequest } from '../../testing/signedClient';
import { startTestApp, testClock, type TestApp } from '../../testing/testApp';
import { expireStaleSessions } from '../../jobs/sessionExpiry';
import { SANDBOX_RVDM_RULES } from '../../domain/programs/program';

const clock = testClock(Date.parse('2026-11-23T12:00:00Z'));
let t: TestApp;
const ids: string[] = [];
const OTHER_PROGRAM = {
  username: 'other',
  secret: 'other-secret',
  hosts: ['https://other.example'],
  rvdm: SANDBOX_RVDM_RULES,
};

interface ListData {
  sessions: { session_identifier: string; state: string; participant_unique_id1: string }[];
  next_cursor: string | null;
  summary?: Record<string, number>;
}
type Env<T> = { status: number; data: T };

beforeAll(async () => {
  t = await startTestApp({ clock: clock.now });
  for (let i = 0; i < 5; i++) {
    const res = await t.client.createSession(
      sampleSessionRequest({ participant_unique_id1: i < 3 ? 'ops-a' : 'ops-b' }),
    );
    ids.push(res.body.data.session_identifier);
    clock.advance(1000);
  }
}, 60_000);
afterAll(() => t.close());

describe('ops API', () => {
  it('lists newest first with cursor pagination that visits every session once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = `/api/v1/sessions?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res: { body: Env<ListData> } = await t.client.send<Env<ListData>>('GET', query);
      expect(res.body.status).toBe(100);
      expect(res.body.data.sessions.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.sessions.map((s) => s.session_identifier));
      cursor = res.body.data.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters by participant, status and time range, and adds counts per status', async () => {
    await t.client.send('POST', `/api/v1/sessions/${ids[0]}/terminate`);
    const byParticipant = await t.client.send<Env<ListData>>(
      'GET',
      '/api/v1/sessions?participant_unique_id1=ops-a&include_summary=true',
    );
    expect(byParticipant.body.data.sessions.map((s) => s.session_identifier).sort()).toEqual(
      ids.slice(0, 3).sort(),
    );
    expect(byParticipant.body.data.summary).toMatchObject({
      active: 2,
      terminated: 1,
      completed: 0,
    });
    const byStatus = await t.client.send<Env<ListData>>(
      'GET',
      '/api/v1/sessions?status=terminated',
    );
    expect(byStatus.body.data.sessions.map((s) => s.session_identifier)).toEqual([ids[0]]);
    const from = new Date(Date.parse('2026-11-23T12:00:03Z')).toISOString();
    const byTime = await t.client.send<Env<ListData>>(
      'GET',
      `/api/v1/sessions?created_from=${from}`,
    );
    expect(byTime.body.data.sessions.map((s) => s.session_identifier)).toEqual([ids[4], ids[3]]);
  });

  it('rejects unknown query parameters and bad cursors with 13400', async () => {
    expect((await t.client.send('GET', '/api/v1/sessions?colour=red')).body.status).toBe(13400);
    expect((await t.client.send('GET', '/api/v1/sessions?cursor=garbage')).body.status).toBe(13400);
    expect((await t.client.send('GET', '/api/v1/sessions?status=sleeping')).body.status).toBe(
      13400,
    );
  });

  it('shows one session with state, attempts, masked account and the event timeline', async () => {
    clock.advance(60_000);
    await expireStaleSessions(t.store, clock.now());
    const res = await t.client.send<Env<Record<string, unknown>>>(
      'GET',
      `/api/v1/sessions/${ids[1]}`,
    );
    expect(res.body.status).toBe(100);
    expect(res.body.data).toMatchObject({
      session_identifier: ids[1],
      state: 'expired',
      attempts: { session_used: 0, session_limit: 5, per_feature_per_mount: 3, mounts: [] },
      account: null,
    });
    const events = res.body.data.events as { event_name: string }[];
    expect(events.map((e) => e.event_name)).toEqual([
      'session.created',
      'session.authorized_url_issued',
      'session.expired',
    ]);
    // Recipient data is not part of the ops view.
    expect(JSON.stringify(res.body)).not.toContain('123 Main St');
  });

  it('shows the masked account of a verified mount and nothing else of the vault record', async () => {
    const id = ids[4]!;
    await t.store.query(
      `INSERT INTO mounts (id, session_id, access_token_hash, created_at, expires_at, recipient_verification_failures, verified_account)
       VALUES ('mount-1', $1, 'hash-1', $2, $2, 1, $3)`,
      [
        id,
        new Date(clock.now()),
        JSON.stringify({
          funding_destination: 'debit',
          masked: { last4: '5556', display: '•••• 5556', brand: 'visa' },
          fingerprint: 'fp-secret',
          sealed_payout: 'sealed-secret',
        }),
      ],
    );
    const res = await t.client.send<Env<Record<string, unknown>>>('GET', `/api/v1/sessions/${id}`);
    expect(res.body.data.account).toEqual({ last4: '5556', display: '•••• 5556', brand: 'visa' });
    expect(res.body.data.attempts).toMatchObject({
      mounts: [{ mount_id: 'mount-1', recipient_verification_failures: 1 }],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/sealed-secret|fp-secret/);
  });

  it('terminates once; a second terminate answers 13724 and unknown ids 13404', async () => {
    const first = await t.client.send<Env<{ state: string }>>(
      'POST',
      `/api/v1/sessions/${ids[2]}/terminate`,
    );
    expect(first.body).toMatchObject({ status: 100, data: { state: 'terminated' } });
    const second = await t.client.send('POST', `/api/v1/sessions/${ids[2]}/terminate`);
    expect([second.httpStatus, second.body.status]).toEqual([409, 13724]);
    const missing = await t.client.send('GET', '/api/v1/sessions/does-not-exist');
    expect([missing.httpStatus, missing.body.status]).toEqual([404, 13404]);
  });

  it('sees only its own program’s sessions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenframe-ops-'));
    const file = join(dir, 'config.json');
    writeFileSync(
      file,
      JSON.stringify({ include_sandbox_program: true, programs: [{ ...OTHER_PROGRAM }] }),
    );
    const other = await startTestApp({
      clock: clock.now,
      store: t.store,
      env: { TOKENFRAME_CONFIG: file },
    });
    try {
      const client = new SignedClient({
        baseUrl: other.url,
        username: 'other',
        secret: 'other-secret',
        now: clock.now,
      });
      expect((await client.send('GET', `/api/v1/sessions/${ids[3]}`)).body.status).toBe(13404);
      expect(
        (await client.send<Env<ListData>>('GET', '/api/v1/sessions')).body.data.sessions,
      ).toEqual([]);
      expect((await client.send('POST', `/api/v1/sessions/${ids[3]}/terminate`)).body.status).toBe(
        13404,
      );
      expect((await other.client.send('GET', `/api/v1/sessions/${ids[3]}`)).body.status).toBe(100);
    } finally {
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('requires the HMAC signature, with the query string in the request line and content-length 0', async () => {
    const path = '/api/v1/sessions?limit=1';
    const good = signRequest(
      'GET',
      path,
      '',
      { username: 'demo', secret: 'demo-secret' },
      new Date(clock.now()),
    );
    expect(good['Content-SHA512']).toBe(
      'z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==',
    );
    expect((await fetch(t.url + path, { headers: good })).status).toBe(200);
    const signedWithoutQuery = signRequest(
      'GET',
      '/api/v1/sessions',
      '',
      { username: 'demo', secret: 'demo-secret' },
      new Date(clock.now()),
    );
    const res = await fetch(t.url + path, { headers: signedWithoutQuery });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { status: number }).status).toBe(13401);
  });

  it('publishes /openapi.json generated from the request schemas', async () => {
    type JsonSchema = {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    const doc = (await (await fetch(`${t.url}/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>
      >;
      components: { schemas: Record<string, JsonSchema> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/sessions/point-in-time/plugin',
        '/api/v1/sessions',
        '/api/v1/sessions/{id}',
        '/api/v1/sessions/{id}/terminate',
        '/api/widget/v1/exchange',
        '/api/widget/v1/account',
        '/sdk/tokenframe.js',
      ]),
    );
    // The request body names a component generated from the validating schema.
    const ref =
      doc.paths['/api/v1/sessions/point-in-time/plugin']!.post!.requestBody!.content[
        'application/json'
      ]!.schema.$ref;
    const schema = doc.components.schemas[ref.replace('#/components/schemas/', '')]!;
    expect(schema.required).toEqual(['participant_unique_id1', 'recipient_information']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain('host_uri');
  });
});
