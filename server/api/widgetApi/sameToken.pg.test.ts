import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmResponseSchema, exchangeResponseSchema } from '../../../protocol/widgetApi';
import { sampleSessionRequest, type CreateSessionEnvelope } from '../../testing/signedClient';
import { startTestApp, type TestApp } from '../../testing/testApp';

/**
 * The vault against real PostgreSQL: the same card confirmed at the same moment in two
 * sessions of one participant yields one vault row and one token (the unique key decides).
 */

const databaseUrl = process.env.TOKENFRAME_TEST_DATABASE_URL;
let service: TestApp;

beforeAll(async () => {
  if (!databaseUrl) throw new Error('TOKENFRAME_TEST_DATABASE_URL is not set');
  service = await startTestApp({ databaseUrl });
});
afterAll(() => service?.close());

async function post(path: string, body: unknown, token?: string) {
  const response = await fetch(`${service.url}/api/widget/v1${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

async function verifiedMount(participant: string) {
  const created = await service.client.createSession<CreateSessionEnvelope>(
    sampleSessionRequest({ participant_unique_id1: participant }),
  );
  const url = new URL(created.body.data.authorized_url);
  const exchanged = await post('/exchange', {
    session_identifier: created.body.data.session_identifier,
    t: url.searchParams.get('t'),
    h: url.searchParams.get('h'),
  });
  const { access_token } = exchangeResponseSchema.parse(exchanged.json);
  const outcome = await post(
    '/account',
    {
      funding_destination: 'debit',
      first_name: 'Jack',
      last_name: 'Frost',
      card_number: '5200828282828210',
      expiration_month: 1,
      expiration_year: 2032,
      address: { address_line1: '123 Main St', city: 'Atlanta', state: 'GA', zip_code: '30313' },
    },
    access_token,
  );
  expect(outcome.json).toMatchObject({ result: 'verified' });
  return access_token;
}

describe('vault on PostgreSQL', () => {
  it('gives one token when one participant confirms the same card in two sessions at once', async () => {
    const participant = `pg-same-token-${Date.now()}`;
    const [a, b] = await Promise.all([verifiedMount(participant), verifiedMount(participant)]);
    const [first, second] = await Promise.all([post('/confirm', {}, a), post('/confirm', {}, b)]);
    const tokenA = confirmResponseSchema.parse(first.json).customer_account_token;
    const tokenB = confirmResponseSchema.parse(second.json).customer_account_token;
    expect(tokenA).toBe(tokenB);
    const rows = await service.store.query(
      'SELECT token FROM vault_accounts WHERE participant_unique_id1 = $1',
      [participant],
    );
    expect(rows).toHaveLength(1);
  });
});
