import { beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_TOPICS, webhookSchema, type WebhookTopic } from '../../../protocol/webhooks';
import { MATCHING_ADDRESS } from '../../testing/widgetApiHarness';
import { card, useWidgetApiHarness } from '../../testing/widgetApiDriver';
import { expireUnmountedSessions, lockSession, terminateSession } from '../sessions/sessionChanges';
import { InvalidEventPayload, recordEvent } from './recordEvent';

/**
 * Every webhook topic as the service really records it, validated against its schema in
 * protocol/webhooks.ts (PRODUCT.md §7); and a payload outside the contract is refused.
 */
const driver = useWidgetApiHarness();
const { call, submit } = driver;
const wrongName = card('debit', '4000056655665556', { last_name: 'Byron' });

/** The outbox bodies of one topic. */
async function bodiesOf(topic: WebhookTopic): Promise<unknown[]> {
  const rows = await driver.api.store.query<{ body: string }>(
    'SELECT body FROM webhook_outbox WHERE topic = $1',
    [topic],
  );
  return rows.map((r) => JSON.parse(r.body) as unknown);
}

describe('webhook payload schemas', () => {
  beforeAll(async () => {
    const { store } = driver.api;
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    // Session topics: created, URL issued, mounted; then expired and terminated.
    const verified = await driver.freshMount();
    await submit(
      verified.token,
      card('debit', '4000056655665556', {
        address: { ...MATCHING_ADDRESS, address_line2: 'Apt 9' },
      }),
    );
    await submit(verified.token, card('debit', '4000056655665556'));
    expect((await call(verified.token, 'POST', '/confirm', {})).status).toBe(200);
    const unmounted = await driver.api.createSession({ participant: 'never-mounted' });
    await expireUnmountedSessions(store, now + 60_000);
    await store.transaction(async (tx) =>
      terminateSession(tx, (await lockSession(tx, unmounted))!, now + 60_000),
    );
    // Flow topics: destination change, cancel, failures up to the session's limit.
    const canceled = await driver.freshMount();
    expect(
      (await call(canceled.token, 'POST', '/destination', { funding_destination: 'ach' })).status,
    ).toBe(200);
    expect((await call(canceled.token, 'POST', '/cancel', {})).status).toBe(200);
    const sessionId = await driver.api.createSession();
    const first = await driver.api.mount(sessionId);
    for (let i = 0; i < 3; i += 1) await submit(first, wrongName);
    const second = await driver.api.mount(sessionId);
    await submit(second, wrongName);
    await submit(second, card('debit', '4000000000000002'));
  }, 60_000);

  it.each(WEBHOOK_TOPICS)(
    '%s: recorded, and every outbox body matches its schema',
    async (topic) => {
      const bodies = await bodiesOf(topic);
      expect(bodies.length).toBeGreaterThan(0);
      for (const body of bodies) {
        const parsed = webhookSchema(topic).safeParse(body);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }
    },
  );

  it('names the verification code `code`, as the SDK event does, and participant_unique_id2 a string', async () => {
    const [failure] = (await bodiesOf('tokenframe.account_could_not_be_verified')) as {
      data: { ancillary: Record<string, unknown>; event: Record<string, unknown> };
    }[];
    expect(failure!.data.event).toMatchObject({ code: expect.stringMatching(/^\d{3,4}$/) });
    expect(failure!.data.event).not.toHaveProperty('status');
    expect(failure!.data.ancillary.participant_unique_id2).toBe('');
  });

  it('refuses to record a payload its topic schema does not allow, and writes nothing', async () => {
    const { store } = driver.api;
    const sessionId = await driver.api.createSession({ participant: 'refused' });
    const session = (
      await store.query<{
        id: string;
        program: string;
        participant_unique_id1: string;
        participant_unique_id2: string | null;
        tracer_token: string;
      }>('SELECT * FROM sessions WHERE id = $1', [sessionId])
    )[0]!;
    const before = await store.query('SELECT id FROM webhook_outbox');
    await expect(
      store.transaction((tx) =>
        recordEvent(tx, session, 'tokenframe.token_success', {
          event_name: 'tokenframe.token_success',
          card_number: '4000056655665556',
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidEventPayload);
    expect(await store.query('SELECT id FROM webhook_outbox')).toHaveLength(before.length);
  });
});
