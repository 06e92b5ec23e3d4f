import { describe, expect, it } from 'vitest';
import { sandboxProgram } from '../../domain/programs/program';
import { signRequest } from '../../testing/signedClient';
import { authenticateRequest, parseAuthorization, signingString } from './hmacAuth';

const program = sandboxProgram({});
const NOW = Date.parse('2026-11-23T12:00:00Z');
const PATH = '/api/v1/sessions/point-in-time/plugin';

function request(body: string, headers: Record<string, string>, url = PATH, method = 'POST') {
  return {
    method,
    url,
    rawBody: Buffer.from(body),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
  };
}

describe('HMAC-SHA512 request authentication', () => {
  it('builds the signing string exactly as PRODUCT.md §1 describes', () => {
    const text = signingString(
      request('{}', {
        'x-date': 'Mon, 23 Nov 2026 12:00:00 GMT',
        'content-type': 'application/json',
        'content-sha512': 'abc',
      }),
      ['request-line', 'x-date', 'content-type', 'content-sha512', 'content-length'],
    );
    expect(text).toBe(
      'POST /api/v1/sessions/point-in-time/plugin HTTP/1.1\nx-date: Mon, 23 Nov 2026 12:00:00 GMT\ncontent-type: application/json\ncontent-sha512: abc\ncontent-length: 2',
    );
  });

  it('parses the Authorization header parameters', () => {
    expect(
      parseAuthorization(
        'hmac username="demo", algorithm="hmac-sha512", headers="a b", signature="c2ln"',
      ),
    ).toEqual({
      username: 'demo',
      algorithm: 'hmac-sha512',
      headers: 'a b',
      signature: 'c2ln',
    });
    expect(parseAuthorization('Bearer x')).toBeNull();
  });

  it('accepts a correctly signed request and rejects each single tampering', () => {
    const body = '{"a":1}';
    const headers = signRequest(
      'POST',
      PATH,
      body,
      { username: 'demo', secret: 'demo-secret' },
      new Date(NOW),
    );
    expect(authenticateRequest(request(body, headers), [program], NOW)).toBe(program);
    const tampered = [
      request('{"a":2}', headers),
      request(body, headers, `${PATH}?x=1`),
      request(body, headers, PATH, 'PUT'),
      request(body, { ...headers, 'X-Date': new Date(NOW - 1000).toUTCString() }),
      request(body, { ...headers, 'Content-Type': 'application/json; charset=utf-8' }),
      request(body, {
        ...headers,
        Authorization: headers.Authorization!.replace('hmac-sha512', 'hmac-sha256'),
      }),
      request(body, {
        ...headers,
        Authorization: headers.Authorization!.replace('content-length', ''),
      }),
    ];
    for (const req of tampered) expect(authenticateRequest(req, [program], NOW)).toBeNull();
  });

  it('allows 300 s of clock skew and not 301 s', () => {
    for (const [skew, ok] of [
      [300_000, true],
      [-300_000, true],
      [301_000, false],
      [-301_000, false],
    ] as const) {
      const headers = signRequest(
        'POST',
        PATH,
        '{}',
        { username: 'demo', secret: 'demo-secret' },
        new Date(NOW + skew),
      );
      expect(authenticateRequest(request('{}', headers), [program], NOW) !== null).toBe(ok);
    }
  });
});
