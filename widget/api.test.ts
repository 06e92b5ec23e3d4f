import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { WidgetApiClient, WidgetApiFailure } from './api';
import { sendAccount } from './flow/sendAccount';
import { fakeFetch, fakeSession } from './testing/fakes';

const exchange = { session_identifier: 'ses_test', t: '1790000000000', h: 'sig' };

describe('WidgetApiClient', () => {
  it('keeps the bearer token from the exchange in memory and sends it on later calls', async () => {
    const { fetchImpl, calls } = fakeFetch({
      'POST /exchange': { body: { access_token: 'tok_1', session: fakeSession() } },
      'POST /cancel': { body: { status: 'canceled' } },
    });
    const api = new WidgetApiClient(fetchImpl);
    await api.exchange(exchange);
    await api.cancel();
    expect(calls[0]?.headers.authorization).toBeUndefined();
    expect(calls[1]?.headers.authorization).toBe('Bearer tok_1');
    expect(document.cookie).toBe('');
  });

  it('turns an error body into a WidgetApiFailure with its session error', async () => {
    const { fetchImpl } = fakeFetch({
      'POST /exchange': {
        status: 410,
        body: { error: 'session_final', session_error: 'session_completed' },
      },
    });
    const failure = await new WidgetApiClient(fetchImpl)
      .exchange(exchange)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WidgetApiFailure);
    expect(failure).toMatchObject({ code: 'session_final', sessionError: 'session_completed' });
  });

  it('after a 429 on /confirm, sends neither /confirm nor /account before Retry-After; cancel still goes', async () => {
    const { fetchImpl, calls } = fakeFetch({
      'POST /confirm': [
        { status: 429, body: { error: 'rate_limited' }, headers: { 'retry-after': '60' } },
      ],
      'POST /cancel': { body: { status: 'canceled' } },
    });
    const client = new WidgetApiClient(fetchImpl);
    for (let i = 0; i < 3; i++)
      await expect(client.confirm()).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(
      client.postAccount({}, z.unknown() as z.ZodMiniType<object>, z.unknown()),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    await client.cancel();
    expect(calls.map((call) => call.path)).toEqual(['/confirm', '/cancel']);
  });

  it('a 429 without a usable Retry-After (an HTTP-date) blocks nothing', async () => {
    const { fetchImpl, calls } = fakeFetch({
      'POST /confirm': [
        {
          status: 429,
          body: { error: 'rate_limited' },
          headers: { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' },
        },
        { status: 429, body: { error: 'rate_limited' } },
      ],
    });
    const client = new WidgetApiClient(fetchImpl);
    await expect(client.confirm()).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(client.confirm()).rejects.toMatchObject({ code: 'rate_limited' });
    expect(calls).toHaveLength(2);
  });

  it('rejects a response that does not match the protocol schema', async () => {
    const { fetchImpl } = fakeFetch({ 'POST /exchange': { body: { access_token: 'tok_1' } } });
    await expect(new WidgetApiClient(fetchImpl).exchange(exchange)).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('refuses to send a card number that breaks the contract (not digits)', async () => {
    const { fetchImpl, calls } = fakeFetch({});
    const api = new WidgetApiClient(fetchImpl);
    await expect(
      sendAccount(api, {
        funding_destination: 'debit',
        first_name: 'A',
        last_name: 'B',
        card_number: '4000 0566',
        expiration_month: 1,
        expiration_year: 2030,
        address: { address_line1: 'x', city: 'y', state: 'GA', zip_code: '30313' },
      }),
    ).rejects.toThrow();
    expect(calls).toEqual([]);
  });

  it('reports a network failure as code network', async () => {
    const api = new WidgetApiClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.exchange(exchange)).rejects.toMatchObject({ code: 'network' });
  });
});
