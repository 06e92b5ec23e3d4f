import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENVELOPE } from '../protocol';
import { takeEarlyStart } from './takeEarlyStart';

const HOST = 'http://127.0.0.1:3000';
// happy-dom runs the test as a top-level page; give it a parent window to be embedded in.
const parent = { postMessage: vi.fn() };

describe('takeEarlyStart', () => {
  beforeEach(() => {
    parent.postMessage.mockClear();
    Object.defineProperty(window, 'parent', { value: parent, configurable: true });
  });
  afterEach(() => {
    delete window.tokenframeEarlyExchange;
    delete window.tokenframeEarlyHandshake;
    document.head.querySelector('meta[name="tokenframe-host-origin"]')?.remove();
    Object.defineProperty(window, 'parent', { value: window, configurable: true });
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it('takes the exchange and the hello the inline script sent, sending nothing itself', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const exchange = {
      url: { sessionIdentifier: 'ses_1', t: '17', h: 'sig' },
      response: Promise.resolve(new Response('{}')),
    };
    const handshake = { take: () => [] };
    window.tokenframeEarlyExchange = exchange;
    window.tokenframeEarlyHandshake = handshake;
    expect(await takeEarlyStart()).toEqual({ exchange, handshake });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(parent.postMessage).not.toHaveBeenCalled();
  });

  it('keeps the inline script’s "no authorized_url" and "no hello" answers', async () => {
    window.history.replaceState(null, '', '/session/ses_1?t=17&h=sig');
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    window.tokenframeEarlyExchange = null;
    window.tokenframeEarlyHandshake = null;
    expect(await takeEarlyStart()).toEqual({ exchange: null, handshake: null });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(parent.postMessage).not.toHaveBeenCalled();
  });

  it('sends the exchange and the hello itself in a document without the inline script', async () => {
    window.history.replaceState(null, '', '/session/ses_1?t=17&h=sig');
    const meta = document.createElement('meta');
    meta.name = 'tokenframe-host-origin';
    meta.content = HOST;
    document.head.prepend(meta);
    const fetchSpy = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetchSpy);
    const { exchange, handshake } = await takeEarlyStart();
    expect(exchange?.url).toEqual({ sessionIdentifier: 'ses_1', t: '17', h: 'sig' });
    await exchange?.response;
    expect(fetchSpy).toHaveBeenCalledOnce();
    expect(window.location.search).toBe('');
    expect(parent.postMessage).toHaveBeenCalledExactlyOnceWith(
      { ...ENVELOPE, type: 'widget_hello', session_identifier: 'ses_1' },
      HOST,
    );
    handshake?.take();
  });
});
