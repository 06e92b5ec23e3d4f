import { describe, expect, it } from 'vitest';
import { SESSION_TOPICS, webhookSchema } from '../../../protocol/webhooks';
import { eventRows } from './recordEvent';

const session = {
  id: 'session-1',
  program: 'demo',
  participant_unique_id1: 'participant-1',
  participant_unique_id2: null,
  tracer_token: 'trc_1',
};
const event = {
  event_name: SESSION_TOPICS.CREATED,
  state: 'active',
  language_locale_code: 'en-US',
  host_origin: 'https://shop.example',
};
const at = new Date(Date.UTC(2026, 10, 27, 12));

describe('eventRows', () => {
  it('builds the PRODUCT.md §7 envelope as the webhook body for a program with a webhook', () => {
    const rows = eventRows(session, SESSION_TOPICS.CREATED, event, at, true);
    const body = JSON.parse(rows.body!) as { metadata: { id: string; timestamp: string } };
    expect(webhookSchema(SESSION_TOPICS.CREATED).safeParse(body).success).toBe(true);
    expect(body.metadata).toMatchObject({ id: rows.id, timestamp: at.toISOString() });
    expect(JSON.parse(rows.detail)).toEqual(event);
  });

  it('builds no webhook body for a program without a webhook: nothing would ever send it', () => {
    const rows = eventRows(session, SESSION_TOPICS.CREATED, event, at, false);
    expect(rows.body).toBeNull();
    expect(JSON.parse(rows.detail)).toEqual(event);
  });
});
