import { describe, expect, it } from 'vitest';
import { confirmResponseSchema } from '../../../protocol/widgetApi';
import { maskedAccountOf } from '../sessionApi/sessionViews';
import type { MountRow } from '../../domain/sessions/sessionRow';
import { unseal } from '../../domain/vault/sealing';
import { deriveVaultKeys } from '../../domain/vault/vaultKeys';
import { useWidgetApiHarness } from '../../testing/widgetApiDriver';

/** PayPal linked by email address (PRODUCT.md §2 "PayPal: email or phone") through the routes. */
const driver = useWidgetApiHarness();
const { call, submit, sessionRow } = driver;

const paypal = (email_address: string) => ({ funding_destination: 'paypal', email_address });

async function tokenize(participant: string, email: string) {
  const sessionId = await driver.api.createSession({ participant });
  const token = await driver.api.mount(sessionId);
  const outcome = await submit(token, paypal(email));
  const confirmed = await call(token, 'POST', '/confirm', {});
  expect(confirmed.status).toBe(200);
  return { sessionId, outcome, confirmed: confirmResponseSchema.parse(confirmed.json) };
}

describe('PayPal by email', () => {
  it('verifies and tokenizes an email with a masked display, and the session completes', async () => {
    const { sessionId, outcome, confirmed } = await tokenize('pp-1', 'Jane.Doe@Example.com');
    expect(outcome).toMatchObject({
      result: 'verified',
      account: { display: 'j•••@example.com' },
    });
    expect(outcome.result === 'verified' && outcome.account.last4).toBe(undefined);
    expect(confirmed).toMatchObject({
      funding_destination: 'paypal',
      account: { display: 'j•••@example.com' },
    });
    expect((await sessionRow(sessionId)).state).toBe('completed');
    const mounts = await driver.api.store.query<MountRow>(
      'SELECT * FROM mounts WHERE session_id = $1 ORDER BY created_at',
      [sessionId],
    );
    // The ops API's detail view shows the same masked account.
    expect(maskedAccountOf(mounts)).toEqual({ display: 'j•••@example.com' });
  });

  it('gives the same token to the same email in another case, and keeps the email encrypted', async () => {
    const first = await tokenize('pp-2', 'sam@example.org');
    const second = await tokenize('pp-2', '  SAM@Example.ORG ');
    expect(second.confirmed.customer_account_token).toBe(first.confirmed.customer_account_token);
    const rows = await driver.api.store.query<{
      sealed_payout: string;
      last4: string | null;
      display: string;
    }>(
      "SELECT sealed_payout, last4, display FROM vault_accounts WHERE participant_unique_id1 = 'pp-2'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ last4: null, display: 's•••@example.org' });
    expect(rows[0]!.sealed_payout).not.toContain('sam@');
    const keys = deriveVaultKeys(driver.api.config.vaultKey);
    expect(JSON.parse(unseal(keys.encryption, rows[0]!.sealed_payout, 'demo\u0000pp-2'))).toEqual({
      kind: 'paypal',
      email_address: 'sam@example.org',
    });
  });

  it('answers a malformed email with invalid_email_address and no attempt', async () => {
    const { sessionId, token } = await driver.freshMount();
    expect(await submit(token, paypal('not-an-email'))).toEqual({
      result: 'invalid',
      fields: { email_address: 'invalid_email_address' },
    });
    expect((await sessionRow(sessionId)).attempts_used).toBe(0);
  });

  it('never lets the full email appear in a response, log line, timeline event, webhook body or mount', async () => {
    await tokenize('pp-3', 'secret.person@example.net');
    const { text: haystack, webhookBodies: webhooks } = await driver.emitted();
    expect(webhooks.some((body) => body.includes('s•••@example.net'))).toBe(true);
    expect(haystack).not.toContain('secret.person');
    expect(haystack).not.toContain('sam@');
    expect(haystack).not.toContain('jane.doe');
  });
});
