import { describe, expect, it, vi } from 'vitest';
import { WidgetApiClient } from './api';
import { exchangeWithRetry } from './exchangeWithRetry';
import { fakeFetch, fakeSession } from './testing/fakes';

const request = { session_identifier: 'ses_test', t: '1790000000000', h: 'sig' };
const rateLimited = () => ({ status: 429, body: { error: 'rate_limited' } });
const exchanged = () => ({ body: { access_token: 'tok', session: fakeSession() } });
const noWait = async () => undefined;

describe('exchangeWithRetry', () => {
  it('retries a rate-limited exchange and announces the wait', async () => {
    const { fetchImpl, calls } = fakeFetch({ 'POST /exchange': [rateLimited(), exchanged()] });
    const onRateLimited = vi.fn();
    const response = await exchangeWithRetry(
      new WidgetApiClient(fetchImpl),
      request,
      onRateLimited,
      noWait,
    );
    expect(response.access_token).toBe('tok');
    expect(calls).toHaveLength(2);
    expect(onRateLimited).toHaveBeenCalledTimes(1);
  });

  it('gives up after three rate-limited answers', async () => {
    const { fetchImpl, calls } = fakeFetch({
      'POST /exchange': [rateLimited(), rateLimited(), rateLimited(), exchanged()],
    });
    await expect(
      exchangeWithRetry(new WidgetApiClient(fetchImpl), request, () => undefined, noWait),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    expect(calls).toHaveLength(3);
  });

  it('never retries a used URL: the session error is final', async () => {
    const { fetchImpl, calls } = fakeFetch({
      'POST /exchange': [
        { status: 409, body: { error: 'wrong_state', session_error: 'url_used' } },
        exchanged(),
      ],
    });
    await expect(
      exchangeWithRetry(new WidgetApiClient(fetchImpl), request, () => undefined, noWait),
    ).rejects.toMatchObject({ sessionError: 'url_used' });
    expect(calls).toHaveLength(1);
  });
});
