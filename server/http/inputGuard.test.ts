import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp';
import { sampleSessionRequest } from '../testing/signedClient';
import fc from 'fast-check';
import { findUnstorableString, findUnstorableStringInJson, parseUntrustedJson } from './inputGuard';
import { exchangeAuthorizedUrl } from '../testing/exchangeAuthorizedUrl';

/** Names every plain object inherits; as unknown keys they must be plain field errors. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
/** Strings PostgreSQL cannot store, as JSON text (a lone surrogate has no other spelling). */
const UNSTORABLE_JSON = ['"a\\u0000b"', '"\\ud800"', '"x\\udfffy"'];
/** The same, percent-encoded for a query or a path (NUL; a lone surrogate in CESU-8). */
const UNSTORABLE_URL = ['%00', 'a%00b'];

let service: TestApp;
let accessToken: string;

beforeAll(async () => {
  service = await startTestApp();
  const created = await service.client.createSession(sampleSessionRequest(), 'guard-1');
  const exchanged = await exchangeAuthorizedUrl(service.url, created.body.data.authorized_url);
  accessToken = ((await exchanged.json()) as { access_token: string }).access_token;
}, 60_000);
afterAll(() => service?.close());

async function widgetCall(method: string, path: string, body?: string) {
  const response = await fetch(`${service.url}/api/widget/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${accessToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body,
  });
  return {
    status: response.status,
    allow: response.headers.get('allow'),
    body: await response.text(),
  };
}

/** A create body text with `raw` spliced in as the value of participant_unique_id1. */
function createBodyWith(raw: string, at: 'top' | 'recipient' = 'top'): string {
  const text = JSON.stringify(sampleSessionRequest({ participant_unique_id1: 'SPLICE' }));
  if (at === 'top') return text.replace('"SPLICE"', raw);
  return text.replace('"first_name":"Jack"', `"first_name":${raw}`);
}

describe('keys named after Object.prototype members are unknown fields (400), never a 500', () => {
  test.each(PROTOTYPE_NAMES)('%s on create, nested and top level', async (name) => {
    const top = await service.client.createSession(`{"${name}":1,"participant_unique_id1":"p"}`);
    expect(top.httpStatus).toBe(400);
    expect(top.body).toMatchObject({ status: 13400, data: { [name]: [expect.any(String)] } });
    const nested = await service.client.createSession(
      createBodyWith('"p"').replace('"state":"GA"', `"state":"GA","${name}":1`),
    );
    expect(nested.httpStatus).toBe(400);
  });

  test.each(PROTOTYPE_NAMES)('%s on the ops list query', async (name) => {
    const listed = await service.client.send('GET', `/api/v1/sessions?${name}=1`);
    expect(listed.httpStatus).toBe(400);
    expect(listed.body).toMatchObject({ status: 13400 });
  });

  test.each(PROTOTYPE_NAMES)('%s on every widget API body and query', async (name) => {
    for (const [path, body] of [
      ['/confirm', `{"${name}":1}`],
      ['/cancel', `{"${name}":1}`],
      ['/destination', `{"funding_destination":"debit","${name}":1}`],
      ['/account', `{"funding_destination":"paypal","email_address":"a@b.co","${name}":1}`],
    ] as const) {
      const answer = await widgetCall('POST', path, body);
      expect(answer.status, `${path} ${body}`).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'invalid_request' });
    }
    expect((await widgetCall('GET', `/billers?${name}=1`)).status).toBe(400);
  });

  test('parsed JSON has no prototype, so inherited names are not there', () => {
    const parsed = parseUntrustedJson('{"a":{"b":[{"c":1}]},"__proto__":{"polluted":1}}') as Record<
      string,
      { b: Record<string, unknown>[] }
    >;
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(Object.getPrototypeOf(parsed.a!.b[0])).toBeNull();
    expect(parsed.constructor).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('strings PostgreSQL cannot store are refused with 400 wherever they are', () => {
  test.each(UNSTORABLE_JSON)('create body value %s, top level and nested', async (raw) => {
    for (const at of ['top', 'recipient'] as const) {
      const answer = await service.client.createSession(createBodyWith(raw, at));
      expect(answer.httpStatus, `${at} ${raw}`).toBe(400);
      expect(answer.body).toMatchObject({ status: 13400 });
    }
  });

  test.each(UNSTORABLE_URL)('ops query, path and terminate with %s', async (raw) => {
    for (const [method, path] of [
      ['GET', `/api/v1/sessions?participant_unique_id1=${raw}`],
      ['GET', `/api/v1/sessions?participant_unique_id2=${raw}`],
      ['GET', `/api/v1/sessions/${raw}`],
      ['POST', `/api/v1/sessions/${raw}/terminate`],
    ] as const) {
      const answer = await service.client.send(method, path);
      expect(answer.httpStatus, `${method} ${path}`).toBe(400);
    }
  });

  test.each(UNSTORABLE_URL)('the widget document /session/%s, unauthenticated', async (raw) => {
    expect((await fetch(`${service.url}/session/${raw}`)).status).toBe(400);
    expect((await fetch(`${service.url}/session/${raw}?t=1&h=x`)).status).toBe(400);
  });

  test.each(UNSTORABLE_JSON)('widget API bodies and queries with %s', async (raw) => {
    expect(
      (
        await widgetCall(
          'POST',
          '/account',
          `{"funding_destination":"paypal","email_address":${raw}}`,
        )
      ).status,
    ).toBe(400);
    expect(
      (await widgetCall('POST', '/destination', `{"funding_destination":${raw}}`)).status,
    ).toBe(400);
    expect((await widgetCall('POST', '/confirm', `{${raw}:1}`)).status).toBe(400);
    const exchange = await fetch(`${service.url}/api/widget/v1/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"session_identifier":${raw},"t":"1","h":"x"}`,
    });
    expect(exchange.status).toBe(400);
    expect((await widgetCall('GET', '/billers?q=%00')).status).toBe(400);
  });

  test('the walker finds keys and deep values, and leaves good text alone', () => {
    expect(findUnstorableString({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toBe('a.1.c');
    expect(findUnstorableString({ ['k\ud800']: 1 }, 'body')).toBe('body');
    expect(findUnstorableString({ name: 'Zoë 😀 日本' }, 'body')).toBeNull();
  });

  test('from the JSON text: the same answer as the walker, which runs only when the text has an escape', () => {
    // Any string, including NUL, lone surrogates and escaped backslashes, as a key or a value.
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), fc.array(fc.string({ unit: 'binary' }))),
        (value) => {
          const text = JSON.stringify(value);
          const parsed = parseUntrustedJson(text);
          expect(findUnstorableStringInJson(text, parsed, 'body')).toBe(
            findUnstorableString(parsed, 'body'),
          );
        },
      ),
      { numRuns: 500 },
    );
    // Text without a `\u` escape (nor a raw NUL or lone surrogate) is trusted without a walk.
    expect(findUnstorableStringInJson('{"a":"ok"}', { a: 'x\u0000' }, 'body')).toBeNull();
    expect(findUnstorableStringInJson('{"a":"\\u0000"}', { a: 'x\u0000' }, 'body')).toBe('a');
    // A JavaScript string (not UTF-8 bytes) can hold a raw lone surrogate: still found.
    expect(findUnstorableStringInJson('{"a":"\ud800"}', { a: '\ud800' }, 'body')).toBe('a');
  });
});

describe('ops dates outside what PostgreSQL stores are field errors', () => {
  test.each([
    'created_from=0000-01-01T00:00:00Z',
    'created_to=0000-12-31T23:59:59Z',
    'created_from=0001-01-01T00:00:00%2B01:00',
  ])('%s', async (query) => {
    const answer = await service.client.send('GET', `/api/v1/sessions?${query}`);
    expect(answer.httpStatus).toBe(400);
    expect(answer.body).toMatchObject({ status: 13400 });
  });

  test.each([
    ['year 0', ['0000-01-01T00:00:00.000Z', 'x']],
    ['a NUL id', ['2026-01-01T00:00:00.000Z', 'a\u0000']],
    ['a lone surrogate', ['2026-01-01T00:00:00.000Z', '\udc00']],
  ])('a cursor carrying %s', async (_name, value) => {
    const cursor = Buffer.from(JSON.stringify(value)).toString('base64url');
    const answer = await service.client.send('GET', `/api/v1/sessions?cursor=${cursor}`);
    expect(answer.httpStatus).toBe(400);
  });
});

describe('a known path asked with another method gets 405 and Allow', () => {
  test('Session and ops API', async () => {
    const create = await service.client.send('GET', '/api/v1/sessions/point-in-time/plugin');
    expect(create.httpStatus).toBe(405);
    expect(create.headers.get('allow')).toBe('POST');
    expect(create.body).toMatchObject({ status: 13405 });
    const list = await service.client.send('DELETE', '/api/v1/sessions');
    expect(list.httpStatus).toBe(405);
    expect(list.headers.get('allow')).toBe('GET, HEAD');
    const terminate = await service.client.send('GET', '/api/v1/sessions/abc/terminate');
    expect(terminate.headers.get('allow')).toBe('POST');
    // The method is wrong whatever the id holds: 405, not the guard's 400.
    const unstorable = await service.client.send('DELETE', '/api/v1/sessions/a%00b');
    expect(unstorable.httpStatus).toBe(405);
    expect(unstorable.headers.get('allow')).toBe('GET, HEAD');
    // Unknown paths stay 13404, and unsigned callers still learn nothing (401 first).
    expect((await service.client.send('GET', '/api/v1/nothing')).httpStatus).toBe(404);
    const unsigned = await fetch(`${service.url}/api/v1/sessions`, { method: 'DELETE' });
    expect(unsigned.status).toBe(401);
  });

  test('widget API, widget document and the open routes', async () => {
    const confirm = await widgetCall('GET', '/confirm');
    expect(confirm.status).toBe(405);
    expect(confirm.allow).toBe('POST');
    expect(JSON.parse(confirm.body)).toEqual({ error: 'method_not_allowed' });
    expect((await widgetCall('POST', '/billers')).allow).toBe('GET, HEAD');
    expect((await widgetCall('PUT', '/account?q=%00', '{"a":"\\u0000"}')).status).toBe(405);
    for (const path of ['/session/abc', '/openapi.json', '/healthz']) {
      const answer = await fetch(`${service.url}${path}`, { method: 'PUT' });
      expect(answer.status, path).toBe(405);
      expect(answer.headers.get('allow'), path).toBe('GET, HEAD');
      // A body no route reads changes nothing, an inherited key name included.
      const withBody = await fetch(`${service.url}${path}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: '{"__proto__":{"a":1},"constructor":{"prototype":{}}}',
      });
      expect(withBody.status, path).toBe(405);
    }
    expect((await widgetCall('GET', '/nothing')).status).toBe(404);
  });
});
