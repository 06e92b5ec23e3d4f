import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountOutcomeSchema,
  cancelResponseSchema,
  confirmResponseSchema,
  widgetApiErrorSchema,
} from '../../protocol/widgetApi';
import { CUSTOMER_ACCOUNT_TOKEN_PATTERN } from '../vault/tokens';
import {
  MATCHING_ADDRESS,
  RECIPIENT,
  startWidgetApiHarness,
  type WidgetApiHarness,
} from './testing/widgetApiHarness';

const BASE = '/api/widget/v1';
/** Every test number of PRODUCT.md §2: none may appear outside the vault's ciphertext. */
const TEST_NUMBERS = [
  '4000056655665556',
  '5200828282828210',
  '4111111111111111',
  '5555555555554444',
  '4000000000000002',
  '000123456789',
  '000111111113',
];

let api: WidgetApiHarness;
const bodies: string[] = [];

// One app and store for the file (each test makes its own sessions): PGlite start-up is slow.
beforeAll(async () => {
  api = await startWidgetApiHarness();
});
afterAll(() => api.close());

/** Runs `fn` against a separate harness (another program, or a store about to break). */
async function withHarness(
  options: Parameters<typeof startWidgetApiHarness>[0],
  fn: () => Promise<void>,
) {
  const shared = api;
  api = await startWidgetApiHarness(options);
  try {
    await fn();
  } finally {
    await api.close();
    api = shared;
  }
}

async function call(token: string | null, method: 'GET' | 'POST', path: string, payload?: unknown) {
  const response = await api.app.inject({
    method,
    url: `${BASE}${path}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  bodies.push(response.body);
  return { status: response.statusCode, json: response.json(), headers: response.headers };
}

function card(
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

function ach(account_number: string, routing_number = '011000015') {
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

async function submit(token: string, submission: unknown) {
  const response = await call(token, 'POST', '/account', submission);
  expect(response.status).toBe(200);
  return accountOutcomeSchema.parse(response.json);
}

async function sessionRow(id: string) {
  return (
    await api.store.query<{ state: string; attempts_used: number }>(
      'SELECT * FROM sessions WHERE id = $1',
      [id],
    )
  )[0]!;
}

async function topics(sessionId: string) {
  const rows = await api.store.query<{ event_name: string }>(
    'SELECT event_name FROM session_events WHERE session_id = $1 ORDER BY seq',
    [sessionId],
  );
  return rows.map((r) => r.event_name);
}

async function freshMount() {
  const sessionId = await api.createSession();
  return { sessionId, token: await api.mount(sessionId) };
}

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
    const sessionId = await api.createSession();
    const first = await api.mount(sessionId);
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

    const second = await api.mount(sessionId);
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

describe('tokens', () => {
  it('returns the same token when one participant tokenizes the same card twice, another token for someone else', async () => {
    const tokenize = async (participant: string) => {
      const sessionId = await api.createSession({ participant });
      const token = await api.mount(sessionId);
      await submit(token, card('debit', '4000056655665556'));
      return confirmResponseSchema.parse((await call(token, 'POST', '/confirm', {})).json)
        .customer_account_token;
    };
    const first = await tokenize('same-token-1');
    expect(await tokenize('same-token-1')).toBe(first);
    expect(await tokenize('same-token-2')).not.toBe(first);
    const stored = await api.store.query<{ sealed_payout: string }>(
      "SELECT sealed_payout FROM vault_accounts WHERE participant_unique_id1 LIKE 'same-token-%'",
    );
    expect(stored).toHaveLength(2);
    expect(stored[0]!.sealed_payout).toMatch(/^v1\./);
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
    const malformed = await api.app.inject({
      method: 'POST',
      url: `${BASE}/account`,
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
  });

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
      await api.store.close();
      const response = await call(token, 'POST', '/account', card('debit', '4000056655665556'));
      expect(response).toMatchObject({ status: 500, json: { error: 'internal' } });
      expect(api.logs.join('\n')).toContain('widget API internal error');
      expect(api.logs.join('\n')).not.toContain('4000056655665556');
    });
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
    const events = await api.store.query<{ detail: unknown }>('SELECT detail FROM session_events');
    const webhooks = await api.store.query<{ body: string }>('SELECT body FROM webhook_outbox');
    const mounts = await api.store.query<{ verified_account: unknown }>(
      'SELECT verified_account FROM mounts',
    );
    const haystack = [
      ...bodies,
      ...api.logs,
      ...events.map((e) => JSON.stringify(e.detail)),
      ...webhooks.map((w) => w.body),
      ...mounts.map((m) => JSON.stringify(m.verified_account)),
    ].join('\n');
    expect(webhooks.length).toBeGreaterThan(10);
    for (const number of TEST_NUMBERS) expect(haystack).not.toContain(number);
  });
});
