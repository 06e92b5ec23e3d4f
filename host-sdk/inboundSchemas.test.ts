import { describe, expect, it } from 'vitest';
import { ENVELOPE } from '../protocol/envelope';
import { eventEnvelopeSchema } from '../protocol/eventEnvelope';
import { widgetHelloSchema } from '../protocol/handshake';
import { hostConnectSchema } from '../protocol/hostConnect';
import { resizeArgumentSchema } from '../protocol/rpc';

// What the SDK accepts from the page's other windows and from the widget's port.
const hello = { ...ENVELOPE, type: 'widget_hello', session_identifier: 'ses_1' };
const event = {
  event_name: 'tokenframe.ready',
  session_identifier: 'ses_1',
  tracer_token: 'tr_1',
  funding_destination: 'debit',
};

describe('schemas the SDK checks inbound messages with', () => {
  it('accepts a well-formed widget_hello', () => {
    expect(widgetHelloSchema.safeParse(hello).success).toBe(true);
  });

  it.each([
    ['a foreign namespace', { ...hello, namespace: 'penpal' }],
    ['another protocol version', { ...hello, version: 2 }],
    ['another message type', { ...hello, type: 'host_connect' }],
    ['an extra field', { ...hello, extra: true }],
    ['an empty session id', { ...hello, session_identifier: '' }],
    ['a string instead of an object', JSON.stringify(hello)],
    ['null', null],
  ])('rejects a widget_hello with %s', (_, message) => {
    expect(widgetHelloSchema.safeParse(message).success).toBe(false);
  });

  it('accepts an event envelope and keeps its payload fields', () => {
    const parsed = eventEnvelopeSchema.safeParse(event);
    expect(parsed.success && parsed.data).toEqual(event);
  });

  it.each([
    ['an unknown event_name', { ...event, event_name: 'tokenframe.pwned' }],
    ['a missing tracer_token', { ...event, tracer_token: undefined }],
    ['a non-string session id', { ...event, session_identifier: 42 }],
    ['an oversized session id', { ...event, session_identifier: 'x'.repeat(101) }],
    ['an array', [event]],
  ])('rejects an event with %s', (_, message) => {
    expect(eventEnvelopeSchema.safeParse(message).success).toBe(false);
  });

  it.each([[-1], [1.5], [Number.NaN], [Infinity], [100_001], ['300']])(
    'rejects resize(%s)',
    (height) => {
      expect(resizeArgumentSchema.safeParse(height).success).toBe(false);
    },
  );

  it('rejects a host_connect with unsafe appearance values', () => {
    const connect = {
      ...ENVELOPE,
      type: 'host_connect',
      funding_destination: 'debit',
      debug: false,
    };
    expect(hostConnectSchema.safeParse(connect).success).toBe(true);
    const unsafe = { ...connect, appearance: { variables: { colorPrimary: 'url(//evil)' } } };
    expect(hostConnectSchema.safeParse(unsafe).success).toBe(false);
  });
});
