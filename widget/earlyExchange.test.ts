import { describe, expect, it, vi } from 'vitest';
import { WIDGET_API_BASE } from '../protocol';
import { EXCHANGE_URL, readAuthorizedUrl, sendExchange } from './earlyExchange';

describe('early exchange', () => {
  it('posts to the widget API exchange route (kept in step with the protocol constant)', () => {
    expect(EXCHANGE_URL).toBe(`${WIDGET_API_BASE}/exchange`);
  });

  it('reads the authorized_url and strips its query from the address bar', () => {
    const replaceState = vi.fn();
    const url = readAuthorizedUrl(
      { pathname: '/session/ses_1', search: '?t=1790000000000&h=sig' } as Location,
      { replaceState } as unknown as History,
    );
    expect(url).toEqual({ sessionIdentifier: 'ses_1', t: '1790000000000', h: 'sig' });
    expect(replaceState).toHaveBeenCalledWith(null, '', '/session/ses_1');
  });

  it('reads no authorized_url without t and h, still stripping the query', () => {
    const replaceState = vi.fn();
    expect(
      readAuthorizedUrl(
        { pathname: '/session/ses_1', search: '?t=1' } as Location,
        { replaceState } as unknown as History,
      ),
    ).toBeNull();
    expect(replaceState).toHaveBeenCalledOnce();
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
