import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENVELOPE } from '../protocol';
import { startEarlyHandshake } from './earlyHandshake';

const HOST = 'http://127.0.0.1:3000';
const hostConnect = { ...ENVELOPE, type: 'host_connect', funding_destination: 'debit' };

// happy-dom runs the test as a top-level page; give it a parent window to be embedded in.
const parent = { postMessage: vi.fn() };

function deliver(init: { data: unknown; origin?: string; source?: unknown }) {
  const event = new MessageEvent('message', { data: init.data, origin: init.origin ?? HOST });
  Object.defineProperty(event, 'source', { value: init.source ?? parent });
  window.dispatchEvent(event);
  return event;
}

describe('early handshake (the inline script)', () => {
  beforeEach(() => {
    parent.postMessage.mockReset();
    Object.defineProperty(window, 'parent', { value: parent, configurable: true });
  });
  afterEach(() => {
    Object.defineProperty(window, 'parent', { value: window, configurable: true });
  });

  it('announces widget_hello to the parent at exactly the host origin', () => {
    startEarlyHandshake(HOST, 'ses_1')?.take();
    expect(parent.postMessage).toHaveBeenCalledExactlyOnceWith(
      { ...ENVELOPE, type: 'widget_hello', session_identifier: 'ses_1' },
      HOST,
    );
  });

  it('holds the host’s messages until the bridge takes them, then holds nothing more', () => {
    const early = startEarlyHandshake(HOST, 'ses_1')!;
    const first = deliver({ data: hostConnect });
    const second = deliver({ data: { ...hostConnect, funding_destination: 'ach' } });
    const held = early.take();
    deliver({ data: hostConnect });
    expect(held).toEqual([first, second]);
  });

  it.each([
    ['another origin', { data: hostConnect, origin: 'http://evil.example' }],
    ['another window', { data: hostConnect, source: {} }],
  ])('does not hold a message from %s', (_, init) => {
    const early = startEarlyHandshake(HOST, 'ses_1')!;
    deliver(init);
    expect(early.take()).toEqual([]);
  });

  it('gives up, holding nothing, when the hello cannot be posted', () => {
    parent.postMessage.mockImplementation(() => {
      throw new SyntaxError('Invalid target origin');
    });
    const listening = vi.spyOn(window, 'addEventListener');
    expect(startEarlyHandshake('not an origin', 'ses_1')).toBeNull();
    expect(listening).not.toHaveBeenCalledWith('message', expect.anything());
    listening.mockRestore();
  });

  it('sends nothing top-level, where the native bridges need no hello', () => {
    Object.defineProperty(window, 'parent', { value: window, configurable: true });
    expect(startEarlyHandshake(HOST, 'ses_1')).toBeNull();
    expect(parent.postMessage).not.toHaveBeenCalled();
  });
});
