import { describe, expect, it } from 'vitest';
import { confirmResponseSchema } from '../../../protocol/widgetApi';
import { CUSTOMER_ACCOUNT_TOKEN_PATTERN } from '../../domain/vault/tokens';
import { card, ach, TEST_NUMBERS, useWidgetApiHarness } from '../../testing/widgetApiDriver';

/**
 * Every row of PRODUCT.md §2's sandbox table through the widget API routes, the same-token rule,
 * and a scan that no full number leaves the vault.
 */
const driver = useWidgetApiHarness();
const { call, submit, sessionRow, topics, freshMount } = driver;

describe('sandbox test data through POST /account and /confirm', () => {
  it.each([
    ['debit', '4000056655665556', 'visa', '5556'],
    ['debit', '5200828282828210', 'mastercard', '8210'],
    ['credit', '4111111111111111', 'visa', '1111'],
    ['credit', '5555555555554444', 'mastercard', '4444'],
  ] as const)(
    '%s %s is verified, then tokenized, and the session completes',
    async (dest, number, brand, last4) => {
      const { sessionId, token } = await freshMount();
      const outcome = await submit(token, card(dest, number));
      expect(outcome).toEqual({
        result: 'verified',
        account: { last4, display: `•••• ${last4}`, brand },
        attempts: {
          recipient_verification_remaining: 3,
          account_verification_remaining: 3,
          session_remaining: 5,
        },
      });
      const confirmed = await call(token, 'POST', '/confirm', {});
      expect(confirmed.status).toBe(200);
      const body = confirmResponseSchema.parse(confirmed.json);
      expect(body.customer_account_token).toMatch(CUSTOMER_ACCOUNT_TOKEN_PATTERN);
      expect(body).toMatchObject({ funding_destination: dest, account: { last4 } });
      expect((await sessionRow(sessionId)).state).toBe('completed');
      expect(await topics(sessionId)).toEqual(
        expect.arrayContaining([
          'tokenframe.recipient_verification.success',
          'tokenframe.token_success',
        ]),
      );
    },
  );

  it('rejects 4111 1111 1111 1111 on debit as not a debit card, without counting an attempt', async () => {
    const { sessionId, token } = await freshMount();
    expect(await submit(token, card('debit', '4111111111111111'))).toEqual({
      result: 'invalid',
      fields: { card_number: 'not_debit_card' },
    });
    expect((await sessionRow(sessionId)).attempts_used).toBe(0);
    expect(await topics(sessionId)).not.toContain('tokenframe.account_could_not_be_verified');
  });

  it.each(['debit', 'credit'] as const)(
    'fails 4000 0000 0000 0002 on %s with 700, one attempt',
    async (dest) => {
      const { sessionId, token } = await freshMount();
      expect(await submit(token, card(dest, '4000000000000002'))).toEqual({
        result: 'verification_failed',
        feature: 'account_verification',
        code: '700',
        terminal: false,
        attempts: {
          recipient_verification_remaining: 3,
          account_verification_remaining: 2,
          session_remaining: 4,
        },
      });
      expect((await sessionRow(sessionId)).attempts_used).toBe(1);
      expect(await topics(sessionId)).toContain('tokenframe.account_could_not_be_verified');
    },
  );

  it('verifies ACH 011000015 / 000123456789 with the bank name, then tokenizes it', async () => {
    const { sessionId, token } = await freshMount();
    const outcome = await submit(token, ach('000123456789'));
    expect(outcome).toMatchObject({
      result: 'verified',
      account: {
        last4: '6789',
        bank_name: 'Federal Reserve Bank of Boston',
        account_type: 'checking',
      },
    });
    const confirmed = confirmResponseSchema.parse((await call(token, 'POST', '/confirm', {})).json);
    expect(confirmed.funding_destination).toBe('ach');
    expect((await sessionRow(sessionId)).state).toBe('completed');
  });

  it('fails ACH 011000015 / 000111111113 with 777, one account-verification attempt', async () => {
    const { sessionId, token } = await freshMount();
    expect(await submit(token, ach('000111111113'))).toMatchObject({
      result: 'verification_failed',
      feature: 'account_verification',
      code: '777',
      terminal: false,
    });
    expect((await sessionRow(sessionId)).attempts_used).toBe(1);
  });

  it('answers a number failing Luhn or the routing checksum with an inline error and no attempt', async () => {
    const { sessionId, token } = await freshMount();
    expect(await submit(token, card('debit', '4000056655665557'))).toEqual({
      result: 'invalid',
      fields: { card_number: 'invalid_card_number' },
    });
    expect(await submit(token, ach('000123456789', '011000016'))).toEqual({
      result: 'invalid',
      fields: { routing_number: 'invalid_routing_number' },
    });
    expect((await sessionRow(sessionId)).attempts_used).toBe(0);
  });
});

describe('tokens', () => {
  it('returns the same token when one participant tokenizes the same card twice, another token for someone else', async () => {
    const tokenize = async (participant: string) => {
      const sessionId = await driver.api.createSession({ participant });
      const token = await driver.api.mount(sessionId);
      await submit(token, card('debit', '4000056655665556'));
      return confirmResponseSchema.parse((await call(token, 'POST', '/confirm', {})).json)
        .customer_account_token;
    };
    const first = await tokenize('same-token-1');
    expect(await tokenize('same-token-1')).toBe(first);
    expect(await tokenize('same-token-2')).not.toBe(first);
    const stored = await driver.api.store.query<{ sealed_payout: string }>(
      "SELECT sealed_payout FROM vault_accounts WHERE participant_unique_id1 LIKE 'same-token-%'",
    );
    expect(stored).toHaveLength(2);
    expect(stored[0]!.sealed_payout).toMatch(/^v1\./);
  });
});

describe('no full account number leaves the vault', () => {
  it('appears in no response, log line, timeline event or webhook body across every sandbox row', async () => {
    const submissions = [
      card('debit', '4000056655665556'),
      card('debit', '5200828282828210'),
      card('debit', '4111111111111111'),
      card('debit', '4000000000000002'),
      card('credit', '4000000000000002'),
      card('credit', '4111111111111111'),
      card('credit', '5555555555554444'),
      ach('000123456789'),
      ach('000111111113'),
    ];
    for (const submission of submissions) {
      const { token } = await freshMount();
      const outcome = await submit(token, submission);
      if (outcome.result === 'verified') await call(token, 'POST', '/confirm', {});
    }
    const { text: haystack, webhookBodies: webhooks } = await driver.emitted();
    expect(webhooks.length).toBeGreaterThan(10);
    for (const number of TEST_NUMBERS) expect(haystack).not.toContain(number);
  });
});
