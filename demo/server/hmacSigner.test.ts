import { describe, expect, it } from 'vitest';
import { contentSha512, signRequest, signingString } from './hmacSigner';

// Expected values were computed with the openssl CLI from the spec's text (PRODUCT.md §1),
// not with this module:
//   printf '%s' "$BODY" | openssl dgst -sha512 -binary | base64
//   printf '%s' "$SIGNING_STRING" | openssl dgst -sha512 -hmac demo-secret -binary | base64
const credentials = { username: 'demo', secret: 'demo-secret' };
const date = new Date('2026-11-23T12:00:00Z');
const body = '{"participant_unique_id1":"demo-1"}';

describe('signRequest', () => {
  it('signs a session create exactly as the hand-derived vector', () => {
    const headers = signRequest(credentials, {
      method: 'POST',
      pathWithQuery: '/api/v1/sessions/point-in-time/plugin',
      body,
      date,
    });
    expect(headers).toEqual({
      'X-Date': 'Mon, 23 Nov 2026 12:00:00 GMT',
      'Content-Type': 'application/json',
      'Content-SHA512':
        'GtV+Etd6BnRwyPH1SDIfmxiAvsFbDUVIsgqTHDx963CDHpcMW08IiD7Myh1lPxc+YzwpNaNDUXZOO9SUCq2OWA==',
      'Content-Length': '35',
      Authorization:
        'hmac username="demo", algorithm="hmac-sha512", ' +
        'headers="request-line x-date content-type content-sha512 content-length", ' +
        'signature="Ax74pL561rB+Hy3XZJUsTYonw4oWjNHEDnY1DFsrnvyYhPmYmHkmPQMxAhxdBfOl/vfKbb0s9nriciw4dxesyQ=="',
    });
  });

  it('signs a bodyless GET with content-length 0, the empty-string digest and the query in the request line', () => {
    const headers = signRequest(credentials, {
      method: 'GET',
      pathWithQuery: '/api/v1/sessions?status=active',
      body: '',
      date,
    });
    expect(headers['Content-Length']).toBe('0');
    expect(headers['Content-SHA512']).toBe(
      'z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==',
    );
    expect(headers.Authorization).toContain(
      'signature="rEyTld0OE9+T3RXlAQAfiedGVAQhSJG++OSgoQvLNNzOmxLknlYyKmKocGYAPDH2I83MT1zJ72k3ZgD854HS7Q=="',
    );
  });

  it('counts content-length in bytes, not characters, for non-ASCII bodies', () => {
    const headers = signRequest(credentials, {
      method: 'POST',
      pathWithQuery: '/x',
      body: '{"city":"Zürich"}',
      date,
    });
    expect(headers['Content-Length']).toBe('18');
    expect(headers['Content-SHA512']).toBe(contentSha512(Buffer.from('{"city":"Zürich"}')));
  });
});

describe('signingString', () => {
  it('joins one line per header with \\n and no trailing newline', () => {
    const text = signingString({
      'request-line': 'POST /p HTTP/1.1',
      'x-date': 'D',
      'content-type': 'application/json',
      'content-sha512': 'S',
      'content-length': '2',
    });
    expect(text).toBe(
      'POST /p HTTP/1.1\nx-date: D\ncontent-type: application/json\ncontent-sha512: S\ncontent-length: 2',
    );
  });
});
