import { afterEach, describe, expect, it, vi } from 'vitest';
import { WIDGET_API_BASE } from '../protocol';
import { EXCHANGE_URL, readAuthorizedUrl, sendExchange, startEarlyExchange } from './earlyExchange';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('early exchange', () => {
  it('posts to the widget API exchange route (kept in step with the protocol constant)', () => {
    expect(EXCHANGE_URL).toBe(`${WIDGET_API_BASE}/exchange`);
  });

  it('reads the authorized_url from the address', () => {
    expect(
      readAuthorizedUrl({
        pathname: '/session/ses_1',
        search: '?t=1790000000000&h=sig',
      } as Location),
    ).toEqual({ sessionIdentifier: 'ses_1', t: '1790000000000', h: 'sig' });
  });

  it('reads no authorized_url without t and h', () => {
    expect(
      readAuthorizedUrl({ pathname: '/session/ses_1', search: '?t=1' } as Location),
    ).toBeNull();
  });

  it('sends the exchange first, then strips the query from the address bar', () => {
    window.history.replaceState(null, '', '/session/ses_1?t=17&h=sig');
    const searchAtFetch: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        searchAtFetch.push(window.location.search);
        return new Response('{}');
      }),
    );
    const early = startEarlyExchange();
    expect(early?.url).toEqual({ sessionIdentifier: 'ses_1', t: '17', h: 'sig' });
    expect(searchAtFetch).toEqual(['?t=17&h=sig']);
    expect(window.location.search).toBe('');
  });

  it('strips a query without t and h too, sending nothing', () => {
    window.history.replaceState(null, '', '/session/ses_1?t=1');
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    expect(startEarlyExchange()).toBeNull();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(window.location.search).toBe('');
  });

  it('sends the exchange body without cookies or cache', async () => {
    const fetchImpl = vi.fn(async () => new Response('{}'));
    await sendExchange({ sessionIdentifier: 'ses_1', t: '17', h: 'sig' }, fetchImpl);
    expect(fetchImpl).toHaveBeenCalledWith(EXCHANGE_URL, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ session_identifier: 'ses_1', t: '17', h: 'sig' }),
      credentials: 'omit',
      cache: 'no-store',
    });
  });
});
