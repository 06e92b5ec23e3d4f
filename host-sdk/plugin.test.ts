import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENVELOPE } from '../protocol/envelope';
import { HANDSHAKE_TIMEOUT_MS, LOAD_TO_HELLO_GRACE_MS } from '../protocol/widgetHello';
import { createPlugin, type TokenframePlugin } from './plugin';

// A blocked frame (the widget's `frame-ancestors`, the page's `frame-src`) or an error page
// fires `load` and never says hello; a slow widget has not loaded yet (PRODUCT.md §3). The
// real browser behaviour behind these rules is in e2e/sdk/blockedFrame.e2e.ts.

const WIDGET_ORIGIN = 'http://localhost:8080';

describe('host SDK: a blocked frame is load_failed, a slow one handshake_timeout', () => {
  let plugin: TokenframePlugin;
  let reasons: string[];

  /** Mounts a fresh URL; returns the iframe with a stand-in window (happy-dom loads no page). */
  function mount(): HTMLIFrameElement {
    const container = document.createElement('div');
    document.body.append(container);
    reasons = [];
    plugin = createPlugin(container, {
      // Never settles: these tests are about why the SDK asks, not about what comes next.
      fetchAuthorizedUrl: () => new Promise<never>(() => {}),
      handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
    });
    plugin.on('REAUTHORIZING', (event) => reasons.push(event.reason));
    const url = `${WIDGET_ORIGIN}/session/ses_1?t=${Date.now() + 30_000}&h=x`;
    plugin.mount(url, 'debit').catch(() => undefined);
    const iframe = container.querySelector('iframe')!;
    Object.defineProperty(iframe, 'contentWindow', { value: { postMessage: vi.fn() } });
    return iframe;
  }

  const load = (iframe: HTMLIFrameElement) => iframe.dispatchEvent(new Event('load'));
  const hello = (iframe: HTMLIFrameElement) => {
    const event = new MessageEvent('message', {
      data: { ...ENVELOPE, type: 'widget_hello', session_identifier: 'ses_1' },
      origin: WIDGET_ORIGIN,
    });
    Object.defineProperty(event, 'source', { value: iframe.contentWindow });
    window.dispatchEvent(event);
  };

  beforeEach(() => {
    // happy-dom loads no iframe page (it logs a NotSupportedError saying so): `load` and the
    // hello are dispatched by hand.
    vi.useFakeTimers();
  });
  afterEach(() => {
    plugin.destroy();
    vi.useRealTimers();
  });

  it('re-requests with load_failed once a loaded frame has not said hello for the grace', async () => {
    const iframe = mount();
    await vi.advanceTimersByTimeAsync(200);
    load(iframe);
    await vi.advanceTimersByTimeAsync(LOAD_TO_HELLO_GRACE_MS - 1);
    expect(reasons).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(reasons).toEqual(['load_failed']);
    expect(plugin.state).toBe('reauthorizing');
    // The deadline that follows changes nothing: one failure, one re-request.
    await vi.advanceTimersByTimeAsync(HANDSHAKE_TIMEOUT_MS);
    expect(reasons).toEqual(['load_failed']);
  });

  it('re-requests with handshake_timeout when the frame has not even loaded by the deadline', async () => {
    mount();
    await vi.advanceTimersByTimeAsync(HANDSHAKE_TIMEOUT_MS - 1);
    expect(reasons).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(reasons).toEqual(['handshake_timeout']);
  });

  it('calls a frame that loaded less than the grace before the deadline slow, not blocked', async () => {
    const iframe = mount();
    await vi.advanceTimersByTimeAsync(HANDSHAKE_TIMEOUT_MS - LOAD_TO_HELLO_GRACE_MS + 1);
    load(iframe);
    await vi.advanceTimersByTimeAsync(LOAD_TO_HELLO_GRACE_MS);
    expect(reasons).toEqual(['handshake_timeout']);
  });

  it('accepts a hello that arrives just after load (Chromium may deliver load first)', async () => {
    const iframe = mount();
    load(iframe);
    await vi.advanceTimersByTimeAsync(5);
    hello(iframe);
    expect(plugin.state).toBe('connecting');
    await vi.advanceTimersByTimeAsync(LOAD_TO_HELLO_GRACE_MS);
    expect(reasons).toEqual([]);
    // Said hello but never READY: that widget is slow or stuck, not blocked.
    await vi.advanceTimersByTimeAsync(HANDSHAKE_TIMEOUT_MS);
    expect(reasons).toEqual(['handshake_timeout']);
  });

  it('ignores the grace of a frame that a newer mount replaced', async () => {
    const first = mount();
    load(first);
    const container = first.parentElement!;
    const url = `${WIDGET_ORIGIN}/session/ses_2?t=${Date.now() + 30_000}&h=y`;
    plugin.mount(url, 'debit').catch(() => undefined);
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(LOAD_TO_HELLO_GRACE_MS);
    expect(reasons).toEqual([]);
    expect(plugin.state).toBe('loading');
  });
});
