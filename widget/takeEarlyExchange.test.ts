import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeEarlyExchange } from './takeEarlyExchange';

describe('takeEarlyExchange', () => {
  afterEach(() => {
    delete window.tokenframeEarlyExchange;
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it('takes the exchange the inline script sent, sending nothing itself', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const sent = {
      url: { sessionIdentifier: 'ses_1', t: '17', h: 'sig' },
      response: Promise.resolve(new Response('{}')),
    };
    window.tokenframeEarlyExchange = sent;
    expect(await takeEarlyExchange()).toBe(sent);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('keeps the inline script’s "no authorized_url" answer', async () => {
    window.history.replaceState(null, '', '/session/ses_1?t=17&h=sig');
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    window.tokenframeEarlyExchange = null;
    expect(await takeEarlyExchange()).toBeNull();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('sends the exchange itself in a document without the inline script', async () => {
    window.history.replaceState(null, '', '/session/ses_1?t=17&h=sig');
    const fetchSpy = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetchSpy);
    const taken = await takeEarlyExchange();
    expect(taken?.url).toEqual({ sessionIdentifier: 'ses_1', t: '17', h: 'sig' });
    await taken?.response;
    expect(fetchSpy).toHaveBeenCalledOnce();
    expect(window.location.search).toBe('');
  });
});
