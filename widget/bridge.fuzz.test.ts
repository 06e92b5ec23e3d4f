import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fc from 'fast-check';
import { ENVELOPE } from '../protocol';
import { connectToHost, type Bridge } from './bridge';
import { startEarlyHandshake } from './earlyHandshake';

const HOST = 'http://127.0.0.1:3000';
const validConnect = {
  ...ENVELOPE,
  type: 'host_connect',
  funding_destination: 'debit',
  debug: false,
};

// happy-dom runs the test as a top-level page; give it a parent window to be embedded in.
const parent = { postMessage: vi.fn() };
const stranger = { postMessage: vi.fn() };

/** `host_connect` with one field replaced by a value that its schema rejects. */
function nearMiss(field: keyof typeof validConnect, value: fc.Arbitrary<unknown>) {
  const accepted: Record<string, unknown[]> = {
    funding_destination: ['debit', 'credit', 'ach', 'paypal', 'billpay'],
    debug: [true, false],
  };
  return value
    .filter((v) => v !== validConnect[field] && !(accepted[field] ?? []).includes(v))
    .map((v) => ({ ...validConnect, [field]: v }));
}

/**
 * Messages a hostile page or a confused library could post to the widget's window: anything
 * at all, and near misses of `host_connect` (one field broken, extra fields, the wrong sender
 * or origin, zero or two ports). None of them may connect the bridge.
 */
const hostileMessage = fc.oneof(
  fc.record({
    data: fc.anything({ withNullPrototype: true, withObjectString: true }),
    origin: fc.constantFrom(HOST, 'http://evil.example', 'null', ''),
    source: fc.constantFrom<unknown>(parent, stranger, null, window),
    portCount: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    data: fc.oneof(
      nearMiss('namespace', fc.string()),
      nearMiss('version', fc.integer()),
      nearMiss('type', fc.string()),
      nearMiss('funding_destination', fc.string()),
      nearMiss('debug', fc.anything()),
      fc
        .dictionary(fc.string({ minLength: 1 }), fc.anything())
        .map((extra) => ({ ...extra, ...validConnect, unexpected_field: 1 })),
    ),
    origin: fc.constant(HOST),
    source: fc.constant<unknown>(parent),
    portCount: fc.constant(1),
  }),
  fc.record({
    data: fc.constant(validConnect),
    origin: fc.constantFrom('http://evil.example', HOST + '/', 'http://127.0.0.1:3001'),
    source: fc.constantFrom<unknown>(parent, stranger, window),
    portCount: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    data: fc.constant(validConnect),
    origin: fc.constant(HOST),
    source: fc.constant<unknown>(parent),
    portCount: fc.constantFrom(0, 2),
  }),
);

function deliver(data: unknown, origin: string, source: unknown, ports: MessagePort[]) {
  const event = new MessageEvent('message', { data, origin });
  Object.defineProperty(event, 'source', { value: source });
  Object.defineProperty(event, 'ports', { value: ports });
  window.dispatchEvent(event);
}

// 10,000 runs take a few seconds alone; a busy 2-core CI machine can be ten times slower.
const FUZZ_TIMEOUT_MS = 120_000;

describe('widget bridge under fuzzed window messages (PRODUCT.md §4)', () => {
  let bridge: Bridge | null = null;
  const channels: MessageChannel[] = [];
  const escaped: unknown[] = [];
  const onError = (event: ErrorEvent) => escaped.push(event.error ?? event.message);

  beforeEach(() => {
    parent.postMessage.mockClear();
    Object.defineProperty(window, 'parent', { value: parent, configurable: true });
    window.addEventListener('error', onError);
  });
  afterEach(() => {
    bridge?.destroy();
    bridge = null;
    for (const channel of channels.splice(0)) channel.port2.close();
    window.removeEventListener('error', onError);
    Object.defineProperty(window, 'parent', { value: window, configurable: true });
  });

  it(
    'neither throws nor connects nor answers for 10,000 hostile messages, and still accepts the real host afterwards',
    async () => {
      const consoleError = vi.spyOn(console, 'error');
      bridge = connectToHost({ hostOrigin: HOST, early: startEarlyHandshake(HOST, 'ses_1') });
      let connected = false;
      void bridge.connected.then(() => (connected = true));
      const sentHello = parent.postMessage.mock.calls.length;

      fc.assert(
        fc.property(hostileMessage, ({ data, origin, source, portCount }) => {
          const ports = Array.from({ length: portCount }, () => {
            const channel = new MessageChannel();
            channels.push(channel);
            return channel.port2;
          });
          expect(() => deliver(data, origin, source, ports)).not.toThrow();
        }),
        { numRuns: 10_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 0));

      expect(escaped).toEqual([]);
      expect(consoleError).not.toHaveBeenCalled();
      expect(connected).toBe(false);
      // Nothing was posted back: the only message the widget sent is its own hello.
      expect(parent.postMessage.mock.calls.length).toBe(sentHello);
      expect(stranger.postMessage).not.toHaveBeenCalled();

      // State unchanged: the genuine host_connect still connects.
      const real = new MessageChannel();
      channels.push(real);
      deliver(validConnect, HOST, parent, [real.port2]);
      await expect(bridge.connected).resolves.toMatchObject({ funding_destination: 'debit' });
      consoleError.mockRestore();
    },
    FUZZ_TIMEOUT_MS,
  );
});
