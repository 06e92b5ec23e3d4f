import { describe, expect, it } from 'vitest';
import { widgetApiErrorSchema } from '../../../protocol/widgetApi';
import { MATCHING_ADDRESS } from '../../testing/widgetApiHarness';
import { card, ach, useWidgetApiHarness } from '../../testing/widgetApiDriver';

/**
 * Every closed error code of the widget API the routes produce (protocol `WIDGET_API_ERRORS`;
 * `rate_limited` is the exchange's, tested in exchangeRoute.test.ts).
 */
const driver = useWidgetApiHarness();
const { call, submit, freshMount, withHarness } = driver;

describe('error codes', () => {
  it('answers unauthorized (401) without a valid bearer token', async () => {
    for (const token of [null, 'tfa_not-a-real-token-0000000000']) {
      const response = await call(token, 'POST', '/account', card('debit', '4000056655665556'));
      expect(response).toMatchObject({ status: 401, json: { error: 'unauthorized' } });
    }
  });

  it('answers invalid_request (400) with field paths and zod codes, never values', async () => {
    const { token } = await freshMount();
    const response = await call(token, 'POST', '/account', {
      ...card('debit', '4000 0566'),
      address: { ...MATCHING_ADDRESS, zip_code: 'ABCDE' },
      extra: 1,
    });
    expect(response.status).toBe(400);
    expect(widgetApiErrorSchema.parse(response.json)).toEqual({
      error: 'invalid_request',
      fields: {
        card_number: ['invalid_format'],
        'address.zip_code': ['invalid_format'],
        extra: ['unrecognized_key'],
      },
    });
    const malformed = await driver.api.app.inject({
      method: 'POST',
      url: '/api/widget/v1/account',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"oops',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('invalid_request');
  });

  it('answers not_enabled (403) for a destination the program does not enable', async () => {
    await withHarness({ program: { funding_destinations: ['debit'] } }, async () => {
      const { token } = await freshMount();
      expect(await call(token, 'POST', '/account', ach('000123456789'))).toMatchObject({
        status: 403,
        json: { error: 'not_enabled' },
      });
      expect(
        await call(token, 'POST', '/destination', { funding_destination: 'credit' }),
      ).toMatchObject({
        status: 403,
        json: { error: 'not_enabled' },
      });
      expect(await call(token, 'GET', '/billers?q=a')).toMatchObject({
        status: 403,
        json: { error: 'not_enabled' },
      });
    });
  }, 60_000);

  it('answers not_found (404) for an unknown widget API path', async () => {
    const { token } = await freshMount();
    expect(await call(token, 'POST', '/nope', {})).toMatchObject({
      status: 404,
      json: { error: 'not_found' },
    });
  });

  it('answers wrong_state (409) to /confirm before any account is verified', async () => {
    const { token } = await freshMount();
    expect(await call(token, 'POST', '/confirm', {})).toMatchObject({
      status: 409,
      json: { error: 'wrong_state' },
    });
  });

  it('answers session_final (410) with session_completed once the session has a token', async () => {
    const { token } = await freshMount();
    await submit(token, card('debit', '4000056655665556'));
    await call(token, 'POST', '/confirm', {});
    expect(await call(token, 'POST', '/cancel', {})).toMatchObject({
      status: 410,
      json: { error: 'session_final', session_error: 'session_completed' },
    });
  });

  it('answers internal (500) without details when storage fails, and logs no account data', async () => {
    await withHarness({}, async () => {
      const { token } = await freshMount();
      await driver.api.store.close();
      const response = await call(token, 'POST', '/account', card('debit', '4000056655665556'));
      expect(response).toMatchObject({ status: 500, json: { error: 'internal' } });
      expect(driver.api.logs.join('\n')).toContain('widget API internal error');
      expect(driver.api.logs.join('\n')).not.toContain('4000056655665556');
    });
  }, 60_000);
});
