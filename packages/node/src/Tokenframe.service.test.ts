import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSchema } from '../../../protocol/webhooks';
import { spawnService, type SpawnedService } from '../../../server/testing/spawnService';
import { startWebhookReceiver } from '../../../server/testing/webhookReceiver';
import { completeSession, testData } from '../../testing/src/index';
import { startDroppingProxy } from './droppingProxy';
import { constructEvent, Tokenframe, TokenframeApiError, TokenframeSignatureError } from './index';

/**
 * @tokenframe/node against the service as a process (PRODUCT.md §1, §7, §9): signed creates,
 * idempotent replays, a retry after a dropped connection, and every webhook of a completed
 * flow verified by constructEvent.
 */

const WEBHOOK_SECRET = 'whsec-new-0123456789';
let service: SpawnedService;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let tokenframe: Tokenframe;

const params = (participant: string) => ({
  participant_unique_id1: participant,
  host_uri: 'http://localhost:3000',
  recipient_information: testData.recipient,
});

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  service = await spawnService({
    env: { TOKENFRAME_WEBHOOK_URL: receiver.url, TOKENFRAME_WEBHOOK_SECRET: WEBHOOK_SECRET },
    timeoutMs: 60_000,
  });
  tokenframe = new Tokenframe({ baseUrl: service.url, username: 'demo', secret: 'demo-secret' });
}, 90_000);
afterAll(async () => {
  await service?.kill();
  await receiver?.close();
});

/** What a failed attempt followed by a replay's successful attempt delivers. */
const DELIVERED_TOPICS = [
  'session.created',
  'session.authorized_url_issued',
  'session.mounted',
  'tokenframe.recipient_verification.failure',
  'tokenframe.account_could_not_be_verified',
  'tokenframe.recipient_verification.success',
  'tokenframe.token_success',
];

describe('@tokenframe/node against the running service', () => {
  it('creates a session (100), then replays it with the same key (101, same session, a new URL)', async () => {
    const key = `key-${randomUUID()}`;
    const first = await tokenframe.sessions.create(params(`p-${randomUUID()}`), {
      idempotencyKey: key,
    });
    const second = await tokenframe.sessions.create(
      { ...params(first.data.participant_unique_id1) },
      { idempotencyKey: key },
    );
    expect(first.status).toBe(100);
    expect(second.status).toBe(101);
    expect(second.data.session_identifier).toBe(first.data.session_identifier);
    expect(second.data.authorized_url).not.toBe(first.data.authorized_url);
  });

  it('retries a connection dropped after the service answered with the same key: exactly one session', async () => {
    const participant = `p-${randomUUID()}`;
    const proxy = await startDroppingProxy({ host: 'localhost', port: service.port });
    try {
      const viaProxy = new Tokenframe({
        baseUrl: proxy.url,
        username: 'demo',
        secret: 'demo-secret',
      });
      const created = await viaProxy.sessions.create(params(participant));
      // The first answer was lost on the wire, so the answer the caller sees is the replay.
      expect(proxy.connections()).toBe(2);
      expect(created.status).toBe(101);
    } finally {
      await proxy.close();
    }
    const listed = await tokenframe.sessions.list({ participant_unique_id1: participant });
    expect(listed.data.sessions).toHaveLength(1);
  });

  it('pages through every session of a listing across pages, fetching the next page only when needed', async () => {
    const participant = `p-${randomUUID()}`;
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      created.push((await tokenframe.sessions.create(params(participant))).data.session_identifier);
    }
    const filter = { participant_unique_id1: participant, limit: 2 };
    const firstPage = await tokenframe.sessions.list(filter);
    expect(firstPage.data.sessions).toHaveLength(2);
    expect(firstPage.data.next_cursor).not.toBeNull();

    const iterated: string[] = [];
    for await (const session of tokenframe.sessions.list(filter)) {
      iterated.push(session.session_identifier);
    }
    // Each session once, in the order of one big page, over three pages of two, two and one.
    const onePage = await tokenframe.sessions.list({ ...filter, limit: 200 });
    expect(iterated).toEqual(onePage.data.sessions.map((session) => session.session_identifier));
    expect(iterated.toSorted()).toEqual(created.toSorted());

    expect(
      (await tokenframe.sessions.list(filter).autoPagingToArray({ limit: 3 })).map(
        (session) => session.session_identifier,
      ),
    ).toEqual(iterated.slice(0, 3));
    const seen: string[] = [];
    await tokenframe.sessions.list(filter).autoPagingEach((session) => {
      seen.push(session.session_identifier);
      return seen.length < 4;
    });
    expect(seen).toEqual(iterated.slice(0, 4));
  });

  it('terminates a session; its key then answers 13724 (create a new one)', async () => {
    const key = `key-${randomUUID()}`;
    const participant = `p-${randomUUID()}`;
    const { data } = await tokenframe.sessions.create(params(participant), { idempotencyKey: key });
    await tokenframe.sessions.terminate(data.session_identifier);
    expect((await tokenframe.sessions.get(data.session_identifier)).data.state).toBe('terminated');
    await expect(
      tokenframe.sessions.create(params(participant), { idempotencyKey: key }),
    ).rejects.toMatchObject({ status: 13724, httpStatus: 409 });
  });

  it('throws a TokenframeApiError with the status, HTTP code and every failing field', async () => {
    const error = await tokenframe.sessions
      .create({
        participant_unique_id1: 'p',
        recipient_information: { ...testData.recipient, zip_code: 'nope', state: 'XX' as 'GA' },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TokenframeApiError);
    expect(error).toMatchObject({ status: 13400, httpStatus: 400 });
    expect(Object.keys((error as TokenframeApiError).fieldErrors).sort()).toEqual([
      'recipient_information.state',
      'recipient_information.zip_code',
    ]);
    const unauthorized = new Tokenframe({ baseUrl: service.url, username: 'demo', secret: 'x' });
    await expect(unauthorized.sessions.create(params('p'))).rejects.toMatchObject({
      status: 13401,
      httpStatus: 401,
    });
  });

  it('verifies every webhook of a completed flow with constructEvent; a rotated pair passes, a tampered body does not', async () => {
    // A failed attempt (the name does not match: RVDM), then a replay's new URL and success,
    // so the flow delivers failure topics as well as session and success ones.
    const participant = `p-${randomUUID()}`;
    const key = `key-${randomUUID()}`;
    const created = await tokenframe.sessions.create(params(participant), { idempotencyKey: key });
    const sessionId = created.data.session_identifier;
    await expect(
      completeSession(created.data.authorized_url, {
        destination: 'debit',
        recipient: { ...testData.recipient, last_name: 'Byron' },
      }),
    ).rejects.toThrow(/account answered/);
    const replayed = await tokenframe.sessions.create(params(participant), { idempotencyKey: key });
    const completed = await completeSession(replayed.data.authorized_url, { destination: 'debit' });
    expect(completed.customer_account_token).toMatch(/^cat_/);

    const ofSession = () =>
      receiver.received.filter((delivery) => delivery.body.includes(sessionId));
    await expect
      .poll(() => ofSession().map((d) => JSON.parse(d.body).metadata.topic), { timeout: 60_000 })
      .toEqual(expect.arrayContaining(DELIVERED_TOPICS));
    const deliveries = ofSession();
    const topics: string[] = [];
    for (const delivery of deliveries) {
      const header = delivery.headers['tokenframe-signature'] as string;
      const event = tokenframe.webhooks.constructEvent(delivery.body, header, WEBHOOK_SECRET);
      expect(event.data.ancillary.session_id).toBe(sessionId);
      topics.push(event.metadata.topic);
      // The declared type of the topic is the schema the body is checked against here.
      expect(event.data.event.event_name).toBe(event.metadata.topic);
      expect(webhookSchema(event.metadata.topic).safeParse(event).error).toBeUndefined();
      expect(event.data.ancillary.participant_unique_id2).toBe('');
      // During a rotation the merchant holds the old and the new secret: either may sign.
      expect(() =>
        constructEvent(delivery.body, header, ['whsec-old-9876543210', WEBHOOK_SECRET]),
      ).not.toThrow();
      expect(() =>
        constructEvent(delivery.body.replace(sessionId, `${sessionId}x`), header, WEBHOOK_SECRET),
      ).toThrow(TokenframeSignatureError);
      expect(() => constructEvent(delivery.body, header, 'whsec-old-9876543210')).toThrow(
        TokenframeSignatureError,
      );
    }
    expect(new Set(topics)).toEqual(new Set(DELIVERED_TOPICS));
    const success = deliveries
      .map((d) =>
        constructEvent(d.body, d.headers['tokenframe-signature'] as string, WEBHOOK_SECRET),
      )
      .map((event) => event.data.event)
      .find((event) => event.event_name === 'tokenframe.token_success');
    expect(success).toMatchObject({
      customer_account_token: completed.customer_account_token,
      funding_destination: 'debit',
      account: { last4: '5556' },
    });
  });
});
