import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmResponseSchema, exchangeResponseSchema } from '../../../protocol/widgetApi';
import { accountOutcomeSchema } from '../../../protocol/accountSubmission';
import { sampleSessionRequest, type CreateSessionEnvelope } from '../../testing/signedClient';
import { startTestApp, type TestApp } from '../../testing/testApp';

/**
 * The widget API inside the real app (`buildApp`), over HTTP: the session is created with the
 * signed Session API, exchanged at /exchange, and walked through the flow routes; the ops API
 * then shows the outcome. Proves the two APIs fit.
 */

let service: TestApp;
const logs: string[] = [];
const seen: string[] = [];

beforeAll(async () => {
  service = await startTestApp({
    logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
  });
}, 60_000);
afterAll(() => service.close());

async function post(path: string, body: unknown, token?: string) {
  const response = await fetch(`${service.url}/api/widget/v1${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  seen.push(text);
  return { status: response.status, json: JSON.parse(text) as unknown };
}

/** Creates (or replays, with a key) a session and exchanges its fresh authorized_url. */
async function mount(idempotencyKey: string) {
  const created = await service.client.createSession<CreateSessionEnvelope>(
    sampleSessionRequest(),
    idempotencyKey,
  );
  expect(created.httpStatus).toBe(200);
  const url = new URL(created.body.data.authorized_url);
  const exchanged = await post('/exchange', {
    session_identifier: created.body.data.session_identifier,
    t: url.searchParams.get('t'),
    h: url.searchParams.get('h'),
  });
  expect(exchanged.status).toBe(200);
  const { access_token, session } = exchangeResponseSchema.parse(exchanged.json);
  return { token: access_token, sessionId: session.session_identifier, attempts: session.attempts };
}

const debit = (card_number: string, last_name = 'Frost') => ({
  funding_destination: 'debit',
  first_name: 'Jack',
  last_name,
  card_number,
  expiration_month: 12,
  expiration_year: 2031,
  address: { address_line1: '123 Main St', city: 'Atlanta', state: 'GA', zip_code: '30313' },
});

async function opsView(sessionId: string) {
  const response = await service.client.send('GET', `/api/v1/sessions/${sessionId}`);
  seen.push(JSON.stringify(response.body));
  return JSON.stringify(response.body);
}

describe('widget API inside buildApp', () => {
  it('takes a debit card from exchange to token, and the ops API shows the session completed', async () => {
    const { token, sessionId } = await mount('flow-happy');
    const outcome = accountOutcomeSchema.parse(
      (await post('/account', debit('4000056655665556'), token)).json,
    );
    expect(outcome.result).toBe('verified');
    const confirmed = await post('/confirm', {}, token);
    expect(confirmed.status).toBe(200);
    expect(confirmResponseSchema.parse(confirmed.json).customer_account_token).toMatch(/^cat_/);
    const view = await opsView(sessionId);
    expect(view).toContain('"completed"');
    expect(view).toContain('tokenframe.token_success');
    expect(view).toContain('"display":"•••• 5556"');
  });

  it('ends the session after five failures across two mounts; the next create with the key gets 13724', async () => {
    const first = await mount('flow-max');
    for (let i = 0; i < 3; i += 1)
      await post('/account', debit('4000056655665556', 'Byron'), first.token);
    const second = await mount('flow-max');
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.attempts.session_remaining).toBe(2);
    await post('/account', debit('4000000000000002'), second.token);
    const last = await post('/account', debit('4000000000000002'), second.token);
    expect(last.json).toEqual({ result: 'max_attempts_exceeded' });
    const again = await service.client.createSession<CreateSessionEnvelope>(
      sampleSessionRequest(),
      'flow-max',
    );
    expect(again.body.status).toBe(13724);
    expect(await opsView(first.sessionId)).toContain('max_attempts_exceeded');
  });

  it('leaves no full test number in responses, ops views or logs', () => {
    const haystack = [...seen, ...logs].join('\n');
    for (const number of ['4000056655665556', '4000000000000002'])
      expect(haystack).not.toContain(number);
  });
});
