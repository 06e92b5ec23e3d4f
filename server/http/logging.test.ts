import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSessionRequest } from '../testing/signedClient';
import { startTestApp, type TestApp } from '../testing/testApp';

const lines: string[] = [];
const stream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ logger: { level: 'info', stream } });
}, 60_000);
afterAll(() => t.close());

describe('logging', () => {
  it('writes JSON lines with request ids and never a secret, signature, URL credential or recipient data', async () => {
    const created = await t.client.createSession(sampleSessionRequest(), 'log-key');
    const url = new URL(created.body.data.authorized_url);
    await fetch(`${t.url}/api/widget/v1/exchange`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        session_identifier: created.body.data.session_identifier,
        t: url.searchParams.get('t'),
        h: url.searchParams.get('h'),
      }),
    });
    await fetch(`${t.url}/session/${created.body.data.session_identifier}${url.search}`);
    await t.client.createSession(sampleSessionRequest(), undefined, { secret: 'wrong-secret' });
    await new Promise((r) => setTimeout(r, 50));

    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const completed = records.filter((r) => r.msg === 'request completed');
    expect(completed.length).toBeGreaterThanOrEqual(4);
    expect(completed.every((r) => typeof r.request_id === 'string')).toBe(true);
    const all = lines.join('\n');
    const signature = /signature="([^"]+)"/.exec(
      (await import('../testing/signedClient')).signRequest(
        'POST',
        '/x',
        '{}',
        { username: 'demo', secret: 'demo-secret' },
        new Date(),
      ).Authorization!,
    )![1]!;
    for (const secret of [
      'demo-secret',
      'wrong-secret',
      url.searchParams.get('h')!,
      'Jack',
      '123 Main St',
      'jack@example.com',
      signature.slice(0, 20),
      'tfa_',
    ])
      expect(all, secret).not.toContain(secret);
  });
});
