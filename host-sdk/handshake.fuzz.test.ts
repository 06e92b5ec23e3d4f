import { afterEach, describe, expect, it, vi } from 'vitest';
import * as fc from 'fast-check';
import { ENVELOPE } from '../protocol/envelope';
import type { HostApi } from '../protocol/rpc';
import { listenForWidget } from './handshake';

const WIDGET_ORIGIN = 'http://localhost:8080';
const validHello = { ...ENVELOPE, type: 'widget_hello', session_identifier: 'ses_1' };

/** `widget_hello` with one field replaced by a value that its schema rejects. */
function nearMiss(field: keyof typeof validHello, value: fc.Arbitrary<unknown>) {
  return value
    .filter((v) => v !== validHello[field] && !(field === 'session_identifier' && isSessionId(v)))
    .map((v) => ({ ...validHello, [field]: v }));
}
const isSessionId = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 100;

function deliver(data: unknown, origin: string, source: unknown) {
  const event = new MessageEvent('message', { data, origin });
  Object.defineProperty(event, 'source', { value: source });
  window.dispatchEvent(event);
}

// 10,000 runs take a few seconds alone; a busy 2-core CI machine can be ten times slower.
const FUZZ_TIMEOUT_MS = 120_000;

describe('host SDK handshake under fuzzed window messages (PRODUCT.md §4)', () => {
  const disposers: (() => void)[] = [];
  afterEach(() => {
    for (const dispose of disposers.splice(0)) dispose();
  });

  it(
    'neither throws, connects nor posts for 10,000 hostile messages, and still accepts the widget afterwards',
    () => {
      // happy-dom gives iframes no window; the handshake reads only `contentWindow`, so a stand-in
      // with a recording postMessage is enough here (real frames: e2e/sdk/origins.e2e.ts).
      const postToFrame = vi.fn();
      const frameWindow = { postMessage: postToFrame };
      const iframe = { contentWindow: frameWindow } as unknown as HTMLIFrameElement;
      const onConnected = vi.fn();
      const api: HostApi = { emit: vi.fn(), resize: vi.fn() };
      const log = vi.fn();
      disposers.push(
        listenForWidget({
          iframe,
          origin: WIDGET_ORIGIN,
          connect: { funding_destination: 'debit', debug: false },
          api,
          onConnected,
          log,
        }),
      );
      const escaped: unknown[] = [];
      const onError = (event: ErrorEvent) => escaped.push(event.error ?? event.message);
      window.addEventListener('error', onError);
      disposers.push(() => window.removeEventListener('error', onError));

      const hostileMessage = fc.oneof(
        // Anything at all, from anyone.
        fc.record({
          data: fc.anything({ withNullPrototype: true, withObjectString: true }),
          origin: fc.constantFrom(WIDGET_ORIGIN, 'http://evil.example', 'null', ''),
          source: fc.constantFrom<unknown>(frameWindow, window, null, {}),
        }),
        // Near misses of a genuine hello from the genuine frame.
        fc.record({
          data: fc.oneof(
            nearMiss('namespace', fc.string()),
            nearMiss('version', fc.integer()),
            nearMiss('type', fc.string()),
            nearMiss('session_identifier', fc.anything()),
            fc
              .dictionary(fc.string({ minLength: 1 }), fc.anything())
              .map((extra) => ({ ...extra, ...validHello, unexpected_field: 1 })),
          ),
          origin: fc.constant(WIDGET_ORIGIN),
          source: fc.constant<unknown>(frameWindow),
        }),
        // A genuine hello from the wrong window or origin.
        fc.record({
          data: fc.constant(validHello),
          origin: fc.constantFrom(
            'http://evil.example',
            WIDGET_ORIGIN + '/',
            'http://localhost:8081',
          ),
          source: fc.constantFrom<unknown>(frameWindow, window, {}),
        }),
        fc.record({
          data: fc.constant(validHello),
          origin: fc.constant(WIDGET_ORIGIN),
          source: fc.constantFrom<unknown>(window, {}, null),
        }),
      );
      fc.assert(
        fc.property(hostileMessage, ({ data, origin, source }) => {
          expect(() => deliver(data, origin, source)).not.toThrow();
        }),
        { numRuns: 10_000 },
      );

      expect(escaped).toEqual([]);
      expect(onConnected).not.toHaveBeenCalled();
      expect(postToFrame).not.toHaveBeenCalled();
      expect(api.emit).not.toHaveBeenCalled();

      // State unchanged: the genuine hello from the frame still completes the handshake.
      deliver(validHello, WIDGET_ORIGIN, frameWindow);
      expect(onConnected).toHaveBeenCalledTimes(1);
      expect(postToFrame).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'host_connect', funding_destination: 'debit' }),
        WIDGET_ORIGIN,
        [expect.objectContaining({ postMessage: expect.any(Function) })],
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
