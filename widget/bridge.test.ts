import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { ENVELOPE, type HostApi, type WidgetEvent } from '../protocol';
import { connectToHost, type Bridge } from './bridge';
import { startEarlyHandshake } from './earlyHandshake';
import { loadStandaloneMode } from './standaloneModeLoader';

const HOST = 'http://127.0.0.1:3000';
const connect = { ...ENVELOPE, type: 'host_connect', funding_destination: 'debit', debug: false };
const ready: WidgetEvent = {
  event_name: 'tokenframe.ready',
  session_identifier: 'ses_1',
  tracer_token: 'tr_1',
  funding_destination: 'debit',
  language_locale_code: 'en-US',
};

// happy-dom runs the test as a top-level page; give it a parent window to be embedded in.
const parent = { postMessage: vi.fn() };
let bridge: Bridge | null = null;

function deliver(init: { data: unknown; origin: string; source: unknown; ports?: unknown[] }) {
  const event = new MessageEvent('message', { data: init.data, origin: init.origin });
  Object.defineProperty(event, 'source', { value: init.source });
  Object.defineProperty(event, 'ports', { value: init.ports ?? [] });
  window.dispatchEvent(event);
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return done;
};

describe('widget bridge, embedded', () => {
  beforeEach(() => {
    parent.postMessage.mockClear();
    Object.defineProperty(window, 'parent', { value: parent, configurable: true });
  });
  afterEach(() => {
    bridge?.destroy();
    bridge = null;
    Object.defineProperty(window, 'parent', { value: window, configurable: true });
  });

  it('announces widget_hello to the parent at exactly the host origin', () => {
    bridge = connectToHost({ hostOrigin: HOST, early: startEarlyHandshake(HOST, 'ses_1') });
    expect(bridge.mode).toBe('embedded');
    expect(parent.postMessage).toHaveBeenCalledWith(
      { ...ENVELOPE, type: 'widget_hello', session_identifier: 'ses_1' },
      HOST,
    );
  });

  it.each([
    ['another origin', { origin: 'http://evil.example', source: parent }],
    ['another window', { origin: HOST, source: {} }],
    ['no port', { origin: HOST, source: parent, ports: [] }],
    ['a wrong shape', { origin: HOST, source: parent, data: { ...connect, version: 9 } }],
  ])('ignores host_connect from %s', async (_, init) => {
    bridge = connectToHost({ hostOrigin: HOST, early: startEarlyHandshake(HOST, 'ses_1') });
    const { port2 } = new MessageChannel();
    deliver({ data: connect, ports: [port2], ...init });
    expect(await settled(bridge.connected)).toBe(false);
    port2.close();
  });

  it('ignores host_connect carrying two ports', async () => {
    bridge = connectToHost({ hostOrigin: HOST, early: startEarlyHandshake(HOST, 'ses_1') });
    const a = new MessageChannel();
    const b = new MessageChannel();
    deliver({ data: connect, origin: HOST, source: parent, ports: [a.port2, b.port2] });
    expect(await settled(bridge.connected)).toBe(false);
    a.port2.close();
    b.port2.close();
  });

  it('accepts the port from the parent at the host origin and delivers buffered, valid events', async () => {
    bridge = connectToHost({ hostOrigin: HOST, early: startEarlyHandshake(HOST, 'ses_1') });
    bridge.emit(ready);
    bridge.emit({ ...ready, tracer_token: '' }); // invalid: dropped, never sent
    bridge.resize(480.2);
    const channel = new MessageChannel();
    const received: unknown[] = [];
    const heights: number[] = [];
    const api: HostApi = {
      emit: (event) => void received.push(event),
      resize: (height) => void heights.push(height),
    };
    Comlink.expose(api, channel.port1);
    deliver({ data: connect, origin: HOST, source: parent, ports: [channel.port2] });
    await expect(bridge.connected).resolves.toMatchObject({ funding_destination: 'debit' });
    await vi.waitFor(() => expect(received).toEqual([ready]));
    await vi.waitFor(() => expect(heights).toEqual([481]));
    channel.port1.close();
  });

  describe('debug mode (the host SDK’s `debug: true`)', () => {
    const logged = () => vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    afterEach(() => vi.restoreAllMocks());

    /** Connects with a host_connect whose `debug` is `debug`. */
    const connectWith = async (debug: boolean) => {
      bridge = connectToHost({ hostOrigin: HOST, early: startEarlyHandshake(HOST, 'ses_1') });
      const channel = new MessageChannel();
      Comlink.expose({ emit: () => undefined, resize: () => undefined }, channel.port1);
      deliver({
        data: { ...connect, debug },
        origin: HOST,
        source: parent,
        ports: [channel.port2],
      });
      await bridge.connected;
      return channel;
    };

    it('logs a dropped event by the names of its failing fields, never their values', async () => {
      const debug = logged();
      const channel = await connectWith(true);
      bridge!.emit({ ...ready, tracer_token: '' });
      expect(debug).toHaveBeenCalledWith('[tokenframe widget]', 'dropped invalid event', [
        'tracer_token',
      ]);
      expect(JSON.stringify(debug.mock.calls)).not.toContain('ses_1');
      channel.port1.close();
    });

    it('logs nothing when the host did not ask for it', async () => {
      const debug = logged();
      const channel = await connectWith(false);
      bridge!.emit({ ...ready, tracer_token: '' });
      expect(debug).not.toHaveBeenCalled();
      channel.port1.close();
    });

    it('logs a host_connect it cannot accept when that message asks for debug', () => {
      const debug = logged();
      bridge = connectToHost({ hostOrigin: HOST, early: startEarlyHandshake(HOST, 'ses_1') });
      const { port2 } = new MessageChannel();
      deliver({
        data: { ...connect, version: 9, debug: true },
        origin: HOST,
        source: parent,
        ports: [port2],
      });
      expect(debug).toHaveBeenCalledWith(
        '[tokenframe widget]',
        'ignored message from host window',
        '',
      );
      port2.close();
    });

    it('takes debug from the host window at the host origin only', () => {
      const debug = logged();
      bridge = connectToHost({ hostOrigin: HOST, early: startEarlyHandshake(HOST, 'ses_1') });
      deliver({ data: { debug: true }, origin: 'http://evil.example', source: parent });
      deliver({ data: { debug: true }, origin: HOST, source: {} });
      bridge.emit({ ...ready, tracer_token: '' });
      expect(debug).not.toHaveBeenCalled();
    });
  });

  describe('after the inline script’s hello', () => {
    /** An early handshake that held `events`, as `earlyHandshake.ts` hands them over. */
    const heldBefore = (...events: MessageEvent[]) => {
      const take = vi.fn(() => events.splice(0));
      return { take };
    };
    const hostMessage = (data: unknown, ports: MessagePort[], source: unknown = parent) => {
      const event = new MessageEvent('message', { data, origin: HOST });
      Object.defineProperty(event, 'source', { value: source });
      Object.defineProperty(event, 'ports', { value: ports });
      return event;
    };

    it('does not announce the widget a second time', () => {
      const early = heldBefore();
      bridge = connectToHost({ hostOrigin: HOST, early });
      expect(early.take).toHaveBeenCalledOnce();
      expect(parent.postMessage).not.toHaveBeenCalled();
    });

    it('connects with a host_connect that arrived before the bundle', async () => {
      const channel = new MessageChannel();
      const received: unknown[] = [];
      Comlink.expose(
        { emit: (event) => void received.push(event), resize: () => undefined } satisfies HostApi,
        channel.port1,
      );
      const early = heldBefore(hostMessage(connect, [channel.port2]));
      bridge = connectToHost({ hostOrigin: HOST, early });
      await expect(bridge.connected).resolves.toMatchObject({ funding_destination: 'debit' });
      bridge.emit(ready);
      await vi.waitFor(() => expect(received).toEqual([ready]));
      channel.port1.close();
    });

    it('checks a held message as one arriving now', async () => {
      const a = new MessageChannel();
      const b = new MessageChannel();
      const early = heldBefore(
        hostMessage(connect, [a.port2, b.port2]),
        hostMessage(connect, [a.port2], {}),
        hostMessage({ ...connect, version: 9 }, [a.port2]),
      );
      bridge = connectToHost({ hostOrigin: HOST, early });
      expect(await settled(bridge.connected)).toBe(false);
      a.port2.close();
      b.port2.close();
    });

    it('still connects with a host_connect that arrives after it started', async () => {
      bridge = connectToHost({ hostOrigin: HOST, early: heldBefore() });
      const channel = new MessageChannel();
      deliver({ data: connect, origin: HOST, source: parent, ports: [channel.port2] });
      await expect(bridge.connected).resolves.toMatchObject({ funding_destination: 'debit' });
      channel.port1.close();
    });
  });
});

describe('widget bridge, host appearance', () => {
  beforeEach(() => {
    Object.defineProperty(window, 'parent', { value: parent, configurable: true });
  });
  afterEach(() => {
    bridge?.destroy();
    bridge = null;
    Object.defineProperty(window, 'parent', { value: window, configurable: true });
  });

  const connectWith = async (appearance: unknown) => {
    bridge = connectToHost({ hostOrigin: HOST, early: startEarlyHandshake(HOST, 'ses_1') });
    const channel = new MessageChannel();
    deliver({
      data: { ...connect, appearance },
      origin: HOST,
      source: parent,
      ports: [channel.port2],
    });
    const result = await bridge.connected;
    channel.port1.close();
    return result;
  };

  it('keeps an appearance that matches the allowlist', async () => {
    const appearance = { variables: { colorPrimary: '#0a7', borderRadius: '8px' } };
    await expect(connectWith(appearance)).resolves.toMatchObject({ appearance });
  });

  it('accepts the port and passes an appearance that fails the allowlist on unchecked', async () => {
    const appearance = { variables: { colorPrimary: 'url(//evil)', borderRadius: '8px' } };
    const result = await connectWith(appearance);
    expect(result).toMatchObject({ funding_destination: 'debit', appearance });
  });

  it('still ignores a host_connect that is wrong apart from its appearance', async () => {
    bridge = connectToHost({ hostOrigin: HOST, early: startEarlyHandshake(HOST, 'ses_1') });
    const { port2 } = new MessageChannel();
    deliver({
      data: { ...connect, version: 9, appearance: { css: 'x' } },
      origin: HOST,
      source: parent,
      ports: [port2],
    });
    expect(await settled(bridge.connected)).toBe(false);
    port2.close();
  });
});

describe('widget bridge, standalone (top-level webview)', () => {
  afterEach(() => {
    const native = window as unknown as Record<string, unknown>;
    delete native.ReactNativeWebView;
    delete native.TokenframeAndroid;
  });

  it('delivers validated events to the native bridges and resolves connected with null', async () => {
    const native = window as unknown as Record<string, unknown>;
    const reactNative = vi.fn();
    const android = vi.fn();
    native.ReactNativeWebView = { postMessage: reactNative };
    native.TokenframeAndroid = { postMessage: android };
    const standalone = connectToHost({
      hostOrigin: HOST,
      early: startEarlyHandshake(HOST, 'ses_1'),
    });
    expect(standalone.mode).toBe('standalone');
    await expect(standalone.connected).resolves.toBeNull();
    standalone.emit(ready);
    standalone.emit({ ...ready, session_identifier: '' });
    // Delivered from the standalone chunk, once it has loaded.
    await loadStandaloneMode();
    expect(reactNative).toHaveBeenCalledTimes(1);
    expect(JSON.parse(reactNative.mock.calls[0]![0] as string)).toEqual(ready);
    expect(android).toHaveBeenCalledTimes(1);
  });
});
