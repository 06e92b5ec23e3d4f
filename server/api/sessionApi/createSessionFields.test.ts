import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSessionRequest } from '../../testing/signedClient';
import { startTestApp, type TestApp } from '../../testing/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t.close());

type Body = Record<string, unknown>;
const recipient = (overrides: Record<string, unknown>) => {
  const base = sampleSessionRequest();
  return {
    ...base,
    recipient_information: { ...(base.recipient_information as Body), ...overrides },
  };
};
const without = (field: string) => {
  const base = sampleSessionRequest();
  const r = { ...(base.recipient_information as Body) };
  delete r[field];
  return { ...base, recipient_information: r };
};
const topWithout = (field: string) => {
  const base = sampleSessionRequest();
  delete base[field];
  return base;
};

async function errorsOf(body: unknown): Promise<Record<string, string[]>> {
  const res = await t.client.createSession<{ status: number; data: Record<string, string[]> }>(
    body,
  );
  expect(res.httpStatus).toBe(400);
  expect(res.body.status).toBe(13400);
  return res.body.data;
}

// [rule, invalid body, field path reported]
const rejected: [string, Body, string][] = [
  [
    'participant_unique_id1 is required',
    topWithout('participant_unique_id1'),
    'participant_unique_id1',
  ],
  [
    'participant_unique_id1 ≤ 100',
    sampleSessionRequest({ participant_unique_id1: 'p'.repeat(101) }),
    'participant_unique_id1',
  ],
  [
    'participant_unique_id1 not blank',
    sampleSessionRequest({ participant_unique_id1: '  ' }),
    'participant_unique_id1',
  ],
  [
    'participant_unique_id2 ≤ 100',
    sampleSessionRequest({ participant_unique_id2: 'p'.repeat(101) }),
    'participant_unique_id2',
  ],
  [
    'host_uri ≤ 200',
    sampleSessionRequest({ host_uri: `https://${'a'.repeat(200)}.example` }),
    'host_uri',
  ],
  [
    'host_uri must be an origin (no path)',
    sampleSessionRequest({ host_uri: 'https://shop.example/checkout' }),
    'host_uri',
  ],
  [
    'host_uri must be an origin (no query)',
    sampleSessionRequest({ host_uri: 'https://shop.example?x=1' }),
    'host_uri',
  ],
  [
    'host_uri plain http only for loopback',
    sampleSessionRequest({ host_uri: 'http://shop.example' }),
    'host_uri',
  ],
  ['host_uri not a URL', sampleSessionRequest({ host_uri: 'localhost:3000' }), 'host_uri'],
  [
    'language_locale_code one of 28',
    sampleSessionRequest({ language_locale_code: 'en-XX' }),
    'language_locale_code',
  ],
  ['theme_variant light|dark', sampleSessionRequest({ theme_variant: 'blue' }), 'theme_variant'],
  [
    'success_redirect_url absolute',
    sampleSessionRequest({ success_redirect_url: '/done' }),
    'success_redirect_url',
  ],
  [
    'error_redirect_url absolute',
    sampleSessionRequest({ error_redirect_url: 'javascript:alert(1)' }),
    'error_redirect_url',
  ],
  [
    'recipient_information is required',
    topWithout('recipient_information'),
    'recipient_information',
  ],
  [
    'recipient_information is an object',
    sampleSessionRequest({ recipient_information: 'Jack' }),
    'recipient_information',
  ],
  ...(['first_name', 'last_name', 'address_line1', 'city', 'state', 'zip_code'] as const).map(
    (f): [string, Body, string] => [`${f} is required`, without(f), `recipient_information.${f}`],
  ),
  ...(['first_name', 'last_name', 'address_line1', 'address_line2', 'city'] as const).map(
    (f): [string, Body, string] => [
      `${f} ≤ 150`,
      recipient({ [f]: 'x'.repeat(151) }),
      `recipient_information.${f}`,
    ],
  ),
  ['state is a US code', recipient({ state: 'XX' }), 'recipient_information.state'],
  ['state is upper-case two letters', recipient({ state: 'ga' }), 'recipient_information.state'],
  [
    'zip_code 12345 or 12345-6789',
    recipient({ zip_code: '1234' }),
    'recipient_information.zip_code',
  ],
  ['zip_code no letters', recipient({ zip_code: '30313-ABCD' }), 'recipient_information.zip_code'],
  [
    'email_address valid',
    recipient({ email_address: 'not-an-email' }),
    'recipient_information.email_address',
  ],
  [
    'email_address ≤ 150',
    recipient({ email_address: `${'a'.repeat(140)}@example.com` }),
    'recipient_information.email_address',
  ],
  [
    'email_address required when PayPal is enabled',
    without('email_address'),
    'recipient_information.email_address',
  ],
  [
    'phone_number 10 digits',
    recipient({ phone_number: '123-456-7890' }),
    'recipient_information.phone_number',
  ],
  [
    'mobile_number 10 digits',
    recipient({ mobile_number: '12345678901' }),
    'recipient_information.mobile_number',
  ],
  ['unknown top-level field', sampleSessionRequest({ amount: 10 }), 'amount'],
  ['unknown recipient field', recipient({ ssn: '123' }), 'recipient_information.ssn'],
];

describe('create request field rules', () => {
  it.each(rejected)('rejects: %s', async (_rule, body, path) => {
    const errors = await errorsOf(body);
    expect(Object.keys(errors)).toContain(path);
    expect(errors[path]!.length).toBeGreaterThan(0);
  });

  it('reports every failing field at once, keyed by dotted path', async () => {
    const errors = await errorsOf({
      participant_unique_id1: '',
      theme_variant: 'blue',
      extra: true,
      recipient_information: { first_name: 'J', state: 'ZZ', zip_code: 'abc', nickname: 'x' },
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        'extra',
        'participant_unique_id1',
        'theme_variant',
        'recipient_information.last_name',
        'recipient_information.address_line1',
        'recipient_information.city',
        'recipient_information.state',
        'recipient_information.zip_code',
        'recipient_information.nickname',
      ].sort(),
    );
  });

  it('reports an invalid Idempotency-Key together with body errors', async () => {
    const res = await t.client.createSession<{ status: number; data: Record<string, string[]> }>(
      topWithout('participant_unique_id1'),
      'k'.repeat(251),
    );
    expect(Object.keys(res.body.data)).toEqual(
      expect.arrayContaining(['participant_unique_id1', 'Idempotency-Key']),
    );
  });

  it('rejects an empty Idempotency-Key or one with a space', async () => {
    for (const key of ['has space', '']) {
      const res = await t.client.createSession<{ status: number; data: Record<string, string[]> }>(
        sampleSessionRequest(),
        key,
      );
      expect(res.body.status).toBe(13400);
      expect(Object.keys(res.body.data)).toContain('Idempotency-Key');
    }
  });

  it('accepts every boundary value', async () => {
    const res = await t.client.createSession(
      {
        participant_unique_id1: 'p'.repeat(100),
        participant_unique_id2: 'q'.repeat(100),
        host_uri: 'http://127.0.0.1:3000',
        language_locale_code: 'zh-Hans',
        theme_variant: 'dark',
        success_redirect_url: 'https://shop.example/done?x=1',
        error_redirect_url: 'https://shop.example/failed',
        recipient_information: {
          first_name: 'a'.repeat(150),
          last_name: 'b'.repeat(150),
          address_line1: 'c'.repeat(150),
          address_line2: 'd'.repeat(150),
          city: 'e'.repeat(150),
          state: 'PR',
          zip_code: '00901-1234',
          email_address: 'x@example.com',
          phone_number: '0000000000',
          mobile_number: '9999999999',
        },
      },
      '!'.repeat(250),
    );
    expect(res.body.status).toBe(100);
  });

  it('accepts the minimal body and applies the program defaults', async () => {
    const res = await t.client.createSession({
      participant_unique_id1: 'minimal',
      recipient_information: {
        first_name: 'Jack',
        last_name: 'Frost',
        address_line1: '1 Main St',
        city: 'Atlanta',
        state: 'DC',
        zip_code: '20001',
        email_address: 'jack@example.com',
      },
    });
    expect(res.body.status).toBe(100);
    const detail = await t.client.send<{
      data: { host_origin: string; language_locale_code: string; participant_unique_id2: string };
    }>('GET', `/api/v1/sessions/${res.body.data.session_identifier}`);
    expect(detail.body.data).toMatchObject({
      host_origin: 'http://localhost:3000',
      language_locale_code: 'en-US',
      participant_unique_id2: '',
    });
  });
});
