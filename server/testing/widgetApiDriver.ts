import { afterAll, beforeAll, expect } from 'vitest';
import { accountOutcomeSchema, type AccountOutcome } from '../../protocol/accountSubmission';
import {
  MATCHING_ADDRESS,
  RECIPIENT,
  startWidgetApiHarness,
  type WidgetApiHarness,
} from './widgetApiHarness';

const BASE = '/api/widget/v1';

/** Every test number of PRODUCT.md §2: none may appear outside the vault's ciphertext. */
export const TEST_NUMBERS = [
  '4000056655665556',
  '5200828282828210',
  '4111111111111111',
  '5555555555554444',
  '4000000000000002',
  '000123456789',
  '000111111113',
];

/** A card submission whose name and address match the harness's recipient. */
export function card(
  destination: 'debit' | 'credit',
  card_number: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    funding_destination: destination,
    first_name: RECIPIENT.first_name,
    last_name: RECIPIENT.last_name,
    card_number,
    expiration_month: 12,
    expiration_year: 2030,
    address: MATCHING_ADDRESS,
    ...overrides,
  };
}

/** An ACH submission whose name and address match the harness's recipient. */
export function ach(account_number: string, routing_number = '011000015') {
  return {
    funding_destination: 'ach',
    first_name: RECIPIENT.first_name,
    last_name: RECIPIENT.last_name,
    routing_number,
    account_number,
    account_type: 'checking',
    address: MATCHING_ADDRESS,
  };
}

/** Route-test helpers over one harness per test file. */
export interface WidgetApiDriver {
  /** The current harness (swapped inside {@link WidgetApiDriver.withHarness}). */
  readonly api: WidgetApiHarness;
  /** Every response body so far, for the "no number leaks" scans. */
  readonly bodies: string[];
  call(
    token: string | null,
    method: 'GET' | 'POST',
    path: string,
    payload?: unknown,
  ): Promise<{ status: number; json: unknown }>;
  /** POST /account, expecting 200 and a protocol-valid outcome. */
  submit(token: string, submission: unknown): Promise<AccountOutcome>;
  sessionRow(id: string): Promise<{ state: string; attempts_used: number }>;
  /** Timeline topics of a session, in order. */
  topics(sessionId: string): Promise<string[]>;
  freshMount(): Promise<{ sessionId: string; token: string }>;
  /**
   * Everything the service has put out so far, joined for the "no number leaks" scans:
   * response bodies, log lines, timeline rows, webhook bodies and mount rows.
   */
  emitted(): Promise<{ text: string; webhookBodies: string[] }>;
  /** Runs `fn` against a separate harness (another program, or a store about to break). */
  withHarness(
    options: Parameters<typeof startWidgetApiHarness>[0],
    fn: () => Promise<void>,
  ): Promise<void>;
}

/**
 * Starts one harness for the calling test file (PGlite start-up is slow; each test makes its
 * own sessions) and returns helpers bound to it.
 */
export function useWidgetApiHarness(): WidgetApiDriver {
  let api: WidgetApiHarness | undefined;
  const bodies: string[] = [];
  beforeAll(async () => {
    api = await startWidgetApiHarness();
  }, 60_000);
  afterAll(() => api?.close(), 60_000);
  const current = () => {
    if (!api) throw new Error('harness not started');
    return api;
  };

  const driver: WidgetApiDriver = {
    get api() {
      return current();
    },
    bodies,
    async call(token, method, path, payload) {
      const response = await current().app.inject({
        method,
        url: `${BASE}${path}`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      bodies.push(response.body);
      return { status: response.statusCode, json: response.json() as unknown };
    },
    async submit(token, submission) {
      const response = await driver.call(token, 'POST', '/account', submission);
      expect(response.status).toBe(200);
      return accountOutcomeSchema.parse(response.json);
    },
    async sessionRow(id) {
      const rows = await current().store.query<{ state: string; attempts_used: number }>(
        'SELECT state, attempts_used FROM sessions WHERE id = $1',
        [id],
      );
      return rows[0]!;
    },
    async topics(sessionId) {
      const rows = await current().store.query<{ event_name: string }>(
        'SELECT event_name FROM session_events WHERE session_id = $1 ORDER BY seq',
        [sessionId],
      );
      return rows.map((r) => r.event_name);
    },
    async freshMount() {
      const sessionId = await current().createSession();
      return { sessionId, token: await current().mount(sessionId) };
    },
    async emitted() {
      const { store, logs } = current();
      const events = await store.query<{ detail: unknown }>('SELECT detail FROM session_events');
      const webhooks = await store.query<{ body: string }>('SELECT body FROM webhook_outbox');
      const mounts = await store.query<{ verified_account: unknown }>(
        'SELECT verified_account FROM mounts',
      );
      const webhookBodies = webhooks.map((w) => w.body);
      const text = [
        ...bodies,
        ...logs,
        ...events.map((e) => JSON.stringify(e.detail)),
        ...webhookBodies,
        ...mounts.map((m) => JSON.stringify(m.verified_account)),
      ].join('\n');
      return { text, webhookBodies };
    },
    async withHarness(options, fn) {
      const shared = api;
      api = await startWidgetApiHarness(options);
      try {
        await fn();
      } finally {
        await api.close();
        api = shared;
      }
    },
  };
  return driver;
}
