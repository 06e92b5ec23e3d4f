import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnService, type SpawnedService } from '../../../server/testing/spawnService';
import { Tokenframe } from '../../node/src/index';
import { completeSession, CompleteSessionError, testData } from './index';

/** completeSession against the service as a process: the widget API path, no browser. */

let service: SpawnedService;
let tokenframe: Tokenframe;

beforeAll(async () => {
  service = await spawnService({ timeoutMs: 60_000 });
  tokenframe = new Tokenframe({ baseUrl: service.url, username: 'demo', secret: 'demo-secret' });
}, 90_000);
afterAll(() => service?.kill());

const createSession = async () =>
  (
    await tokenframe.sessions.create({
      participant_unique_id1: `p-${randomUUID()}`,
      recipient_information: testData.recipient,
    })
  ).data;

describe('completeSession (headless, through the widget API)', () => {
  it('completes a sandbox debit session: a token, a masked card, and the session completed', async () => {
    const session = await createSession();
    const completed = await completeSession(session.authorized_url, { destination: 'debit' });
    expect(completed).toMatchObject({
      session_identifier: session.session_identifier,
      funding_destination: 'debit',
      account: { display: '•••• 5556', last4: '5556', brand: 'visa' },
    });
    expect(completed.customer_account_token).toMatch(/^cat_/);
    const detail = await tokenframe.sessions.get(session.session_identifier);
    expect(detail.data.state).toBe('completed');
  });

  it('completes a sandbox ACH session with the verified test account', async () => {
    const session = await createSession();
    const completed = await completeSession(session.authorized_url, { destination: 'ach' });
    expect(completed.funding_destination).toBe('ach');
    expect(completed.account).toMatchObject({ last4: '6789', account_type: 'checking' });
    expect((await tokenframe.sessions.get(session.session_identifier)).data.state).toBe(
      'completed',
    );
  });

  it('completes credit, PayPal and BillPay sessions too', async () => {
    for (const destination of ['credit', 'paypal', 'billpay'] as const) {
      const session = await createSession();
      const completed = await completeSession(session.authorized_url, { destination });
      expect(completed.funding_destination).toBe(destination);
      expect(completed.customer_account_token).toMatch(/^cat_/);
    }
  });

  it('reports a spent URL as a CompleteSessionError (URLs are single use)', async () => {
    const session = await createSession();
    await completeSession(session.authorized_url);
    await expect(completeSession(session.authorized_url)).rejects.toBeInstanceOf(
      CompleteSessionError,
    );
  });
});
