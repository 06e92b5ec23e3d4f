import { describe, expect, it } from 'vitest';
import { cancelResponseSchema, widgetApiErrorSchema } from '../../../protocol/widgetApi';
import { MATCHING_ADDRESS } from '../../testing/widgetApiHarness';
import { card, useWidgetApiHarness } from '../../testing/widgetApiDriver';

/**
 * RVDM and attempt counting across mounts, cancel, change of destination and biller search,
 * through the widget API routes.
 */
const driver = useWidgetApiHarness();
const { call, submit, sessionRow, topics, freshMount } = driver;

describe('recipient verification and attempts', () => {
  it('passes a soft mismatch (address_line2) and records it as a soft failure', async () => {
    const { sessionId, token } = await freshMount();
    const outcome = await submit(
      token,
      card('debit', '4000056655665556', {
        address: { ...MATCHING_ADDRESS, address_line2: 'Apt 9' },
      }),
    );
    expect(outcome.result).toBe('verified');
    expect(await topics(sessionId)).toContain('tokenframe.recipient_verification.soft_failure');
  });

  it('treats case, spacing, punctuation and ZIP+4 differences as a match', async () => {
    const { token } = await freshMount();
    const outcome = await submit(
      token,
      card('debit', '4000056655665556', {
        first_name: ' ada ',
        last_name: 'LOVELACE',
        address: { ...MATCHING_ADDRESS, address_line1: '1 main st.', zip_code: '02110-1234' },
      }),
    );
    expect(outcome.result).toBe('verified');
  });

  it('counts three hard mismatches to a terminal mount, then gives a fresh window on the next mount, then ends the session at five', async () => {
    const sessionId = await driver.api.createSession();
    const first = await driver.api.mount(sessionId);
    const wrongName = card('debit', '4000056655665556', { last_name: 'Byron' });
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await submit(first, wrongName));
    expect(results.map((r) => r.result === 'verification_failed' && [r.code, r.terminal])).toEqual([
      ['1105', false],
      ['1105', false],
      ['1105', true],
    ]);
    expect(results[0]).toMatchObject({
      feature: 'recipient_verification',
      mismatched_fields: ['last_name'],
    });
    // The terminal mount takes no more submissions; the session itself stays active.
    const blocked = await call(first, 'POST', '/account', wrongName);
    expect(blocked.status).toBe(409);
    expect(widgetApiErrorSchema.parse(blocked.json)).toEqual({ error: 'wrong_state' });
    expect((await sessionRow(sessionId)).state).toBe('active');
    expect(await topics(sessionId)).toContain('tokenframe.terminal_failure');

    const second = await driver.api.mount(sessionId);
    expect(await submit(second, wrongName)).toMatchObject({
      result: 'verification_failed',
      terminal: false,
      attempts: { recipient_verification_remaining: 1, session_remaining: 1 },
    });
    expect(await submit(second, card('debit', '4000000000000002'))).toEqual({
      result: 'max_attempts_exceeded',
    });
    expect(await sessionRow(sessionId)).toMatchObject({
      state: 'max_attempts_exceeded',
      attempts_used: 5,
    });
    expect(await topics(sessionId)).toContain('tokenframe.max_verification_attempts_exceeded');

    const after = await call(second, 'POST', '/account', card('debit', '4000056655665556'));
    expect(after.status).toBe(410);
    expect(after.json).toEqual({ error: 'session_final', session_error: 'session_terminated' });
  });

  it('counts recipient and account verification failures per feature but against one session total', async () => {
    const { sessionId, token } = await freshMount();
    await submit(token, card('debit', '4000056655665556', { first_name: 'Grace' }));
    await submit(token, card('debit', '4000056655665556', { first_name: 'Grace' }));
    const third = await submit(token, card('debit', '4000000000000002'));
    expect(third).toMatchObject({
      result: 'verification_failed',
      feature: 'account_verification',
      terminal: false,
      attempts: {
        recipient_verification_remaining: 1,
        account_verification_remaining: 2,
        session_remaining: 2,
      },
    });
    expect((await sessionRow(sessionId)).attempts_used).toBe(3);
  });
});

describe('cancel and destination', () => {
  it('cancels the session and records FUNDING_CANCELED', async () => {
    const { sessionId, token } = await freshMount();
    const response = await call(token, 'POST', '/cancel', {});
    expect(cancelResponseSchema.parse(response.json)).toEqual({ status: 'canceled' });
    expect((await sessionRow(sessionId)).state).toBe('canceled');
    expect(await topics(sessionId)).toContain('tokenframe.funding_canceled');
    const again = await call(token, 'POST', '/confirm', {});
    expect(again).toMatchObject({
      status: 410,
      json: { error: 'session_final', session_error: 'session_terminated' },
    });
  });

  it('drops the verified account when the recipient switches destination', async () => {
    const { token } = await freshMount();
    await submit(token, card('debit', '4000056655665556'));
    const changed = await call(token, 'POST', '/destination', { funding_destination: 'ach' });
    expect(changed).toMatchObject({ status: 200, json: { funding_destination: 'ach' } });
    expect((await call(token, 'POST', '/confirm', {})).json).toEqual({ error: 'wrong_state' });
  });
});

describe('billers', () => {
  it('searches the shipped directory', async () => {
    const { token } = await freshMount();
    const response = await call(token, 'GET', '/billers?q=verizon');
    expect(response.json).toEqual([{ id: 'verizon_wireless', name: 'Verizon Wireless' }]);
  });
});
