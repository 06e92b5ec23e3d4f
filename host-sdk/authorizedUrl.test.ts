import { describe, expect, it } from 'vitest';
import { EXPIRY_MARGIN_MS, fromFetchResult, isExpired, parseAuthorizedUrl } from './authorizedUrl';

const NOW = 1_800_000_000_000;

describe('parseAuthorizedUrl', () => {
  it('reads the origin, session id and the expiry from t', () => {
    expect(parseAuthorizedUrl(`https://w.example/session/ses_9?t=${NOW}&h=abc`)).toEqual({
      href: `https://w.example/session/ses_9?t=${NOW}&h=abc`,
      origin: 'https://w.example',
      sessionIdentifier: 'ses_9',
      expiresAt: NOW,
    });
  });

  it('accepts http only on loopback hosts', () => {
    expect(parseAuthorizedUrl('http://localhost:8080/session/s?t=1').origin).toBe(
      'http://localhost:8080',
    );
    expect(() => parseAuthorizedUrl('http://widget.example/session/s')).toThrowError(
      expect.objectContaining({ code: 'invalid_authorized_url' }),
    );
  });

  it.each([['javascript:alert(1)'], ['/session/relative'], [''], [null], [{ href: 'x' }]])(
    'rejects %s',
    (value) => {
      expect(() => parseAuthorizedUrl(value)).toThrowError(
        expect.objectContaining({ code: 'invalid_authorized_url' }),
      );
    },
  );
});

describe('isExpired', () => {
  const url = (t: number) => parseAuthorizedUrl(`https://w.example/session/s?t=${t}&h=x`);

  it('treats a URL as expired a safety margin before t', () => {
    expect(isExpired(url(NOW + EXPIRY_MARGIN_MS + 1), NOW)).toBe(false);
    expect(isExpired(url(NOW + EXPIRY_MARGIN_MS), NOW)).toBe(true);
    expect(isExpired(url(NOW - 1), NOW)).toBe(true);
  });

  it('leaves a URL without t to the server to judge', () => {
    expect(isExpired(parseAuthorizedUrl('https://w.example/session/s'), NOW)).toBe(false);
  });
});

describe('fromFetchResult', () => {
  const href = `https://w.example/session/s?t=${NOW}&h=x`;

  it('accepts the URL string, the session data object, or the whole API envelope', () => {
    expect(fromFetchResult(href).href).toBe(href);
    expect(fromFetchResult({ authorized_url: href }).href).toBe(href);
    expect(fromFetchResult({ status: 101, data: { authorized_url: href } }).href).toBe(href);
  });

  it('uses authorized_url_expiration_utc when the URL carries no t', () => {
    const result = fromFetchResult({
      authorized_url: 'https://w.example/session/s',
      authorized_url_expiration_utc: new Date(NOW).toISOString(),
    });
    expect(result.expiresAt).toBe(NOW);
  });

  it.each([[undefined], [{ url: href }], [42]])(
    'rejects %s with a message naming the shape',
    (value) => {
      expect(() => fromFetchResult(value)).toThrowError(/authorized_url/);
    },
  );
});
