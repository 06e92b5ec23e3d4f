import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSessionRequest } from '../../testing/signedClient';
import { startTestApp, testClock, type TestApp } from '../../testing/testApp';
import { expireStaleSessions } from '../../jobs/sessionExpiry';

/**
 * The table's `expired` rows over HTTP (PRODUCT.md §1): a recipient already in the flow keeps
 * going when a re-request issued a newer URL that then went unmounted, while that session
 * reads `expired` and can no longer be mounted from its stale URL.
 */
const clock = testClock(Date.parse('2026-11-23T12:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock: clock.now });
}, 60_000);
afterAll(() => t.close());

const recipient = sampleSessionRequest().recipient_information as Record<string, string>;
const matchingCard = {
  funding_destination: 'debit',
  first_name: recipient.first_name,
  last_name: recipient.last_name,
  card_number: '4000056655665556',
  expiration_month: 12,
  expiration_year: 2030,
  address: {
    address_line1: recipient.address_line1,
    city: recipient.city,
    state: recipient.state,
    zip_code: recipient.zip_code,
  },
};

async function post(path: string, body: unknown, token?: string) {
  const res = await fetch(`${t.url}/api/widget/v1${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function partsOf(authorizedUrl: string) {
  const url = new URL(authorizedUrl);
  return {
    session_identifier: decodeURIComponent(url.pathname.split('/')[2]!),
    t: url.searchParams.get('t')!,
    h: url.searchParams.get('h')!,
  };
}

const stateOf = async (id: string) =>
  (await t.store.query<{ state: string }>('SELECT state FROM sessions WHERE id = $1', [id]))[0]!
    .state;

/** Mounts a session, then lets a re-requested URL expire unmounted. */
async function liveMountOnExpiredSession(participant: string) {
  const request = sampleSessionRequest({ participant_unique_id1: participant });
  const first = await t.client.createSession(request, `${participant}-key`);
  const sessionId = first.body.data.session_identifier;
  const mounted = await post('/exchange', partsOf(first.body.data.authorized_url));
  expect(mounted.status).toBe(200);
  const replay = await t.client.createSession(request, `${participant}-key`);
  expect(replay.body.status).toBe(101);
  // Strictly increasing URL expiry puts the replayed URL 1 ms past the first one.
  clock.advance(30_001);
  expect(await expireStaleSessions(t.store, clock.now())).toBe(1);
  expect(await stateOf(sessionId)).toBe('expired');
  return {
    sessionId,
    token: mounted.body.access_token as string,
    staleUrl: replay.body.data.authorized_url,
  };
}

describe('a live mount on a session whose newest URL expired', () => {
  it('verifies and confirms: the session goes expired → completed with TOKEN_SUCCESS', async () => {
    const { sessionId, token } = await liveMountOnExpiredSession('live-1');
    const verified = await post('/account', matchingCard, token);
    expect(verified.body.result).toBe('verified');
    expect(await stateOf(sessionId)).toBe('expired');
    const confirmed = await post('/confirm', {}, token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.customer_account_token).toEqual(expect.any(String));
    expect(await stateOf(sessionId)).toBe('completed');
  });

  it('cancels: the session goes expired → canceled', async () => {
    const { sessionId, token } = await liveMountOnExpiredSession('live-2');
    expect((await post('/cancel', {}, token)).status).toBe(200);
    expect(await stateOf(sessionId)).toBe('canceled');
  });

  it('the stale newest URL cannot mount: url_expired, and the session stays expired', async () => {
    const { sessionId, staleUrl } = await liveMountOnExpiredSession('live-3');
    const res = await post('/exchange', partsOf(staleUrl));
    expect(res.status).toBe(401);
    expect(res.body.session_error).toBe('url_expired');
    expect(await stateOf(sessionId)).toBe('expired');
  });
});
