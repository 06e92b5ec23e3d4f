import { describe, expect, it, vi } from 'vitest';
import { WidgetApiClient } from './api';
import { fetchReusingEarlyExchange, startExchange } from './bootExchange';
import { fakeFetch, fakeSession } from './testing/fakes';

const url = { sessionIdentifier: 'ses_test', t: '1790000000000', h: 'sig' };
const noWait = async () => undefined;

describe('startExchange', () => {
  it('sends the exchange at once, before anything subscribes', () => {
    const { fetchImpl, calls } = fakeFetch({
      'POST /exchange': [{ body: { access_token: 'tok', session: fakeSession() } }],
    });
    startExchange(new WidgetApiClient(fetchImpl), url, noWait);
    expect(calls).toHaveLength(1);
  });

  it('tells a late subscriber about a rate-limited retry that already happened', async () => {
    const { fetchImpl } = fakeFetch({
      'POST /exchange': [
        { status: 429, body: { error: 'rate_limited' } },
        { body: { access_token: 'tok', session: fakeSession() } },
      ],
    });
    const pending = startExchange(new WidgetApiClient(fetchImpl), url, noWait);
    expect((await pending.response).access_token).toBe('tok');
    const late = vi.fn();
    pending.onRateLimited(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('keeps a failure for whoever awaits the answer, without an unhandled rejection', async () => {
    const { fetchImpl } = fakeFetch({
      'POST /exchange': [
        { status: 409, body: { error: 'wrong_state', session_error: 'url_used' } },
      ],
    });
    const pending = startExchange(new WidgetApiClient(fetchImpl), url, noWait);
    await expect(pending.response).rejects.toMatchObject({ sessionError: 'url_used' });
  });
});

describe('fetchReusingEarlyExchange', () => {
  it('answers the first exchange with the early request and sends a retry for real', async () => {
    const session = { body: { access_token: 'tok', session: fakeSession() } };
    const { fetchImpl, calls } = fakeFetch({ 'POST /exchange': [session] });
    const early = Promise.resolve(
      new Response(JSON.stringify({ error: 'rate_limited' }), { status: 429 }),
    );
    const api = new WidgetApiClient(fetchReusingEarlyExchange(early, fetchImpl));
    const pending = startExchange(api, url, noWait);
    expect((await pending.response).access_token).toBe('tok');
    // The early (rate-limited) answer was used; only the retry went to the network.
    expect(calls).toHaveLength(1);
  });
});
