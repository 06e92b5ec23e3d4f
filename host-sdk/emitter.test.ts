import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENTS } from '../protocol/constants';
import type { TokenframeEvent } from '../protocol/events';
import { createEmitter, resolveEventName } from './emitter';
import { TokenframeError } from './TokenframeError';

const ready = {
  event_name: EVENTS.READY,
  session_identifier: 'ses_1',
  tracer_token: 'tr_1',
  funding_destination: 'debit',
  language_locale_code: 'en-US',
} as TokenframeEvent;

describe('event names', () => {
  it('accepts an event_name value or its EVENTS key, both meaning the same event', () => {
    expect(resolveEventName(EVENTS.TOKEN_SUCCESS)).toBe('tokenframe.token_success');
    expect(resolveEventName('TOKEN_SUCCESS')).toBe('tokenframe.token_success');
  });

  it.each([['token_success'], ['TOKEN_SUCESS'], ['toString'], [''], [undefined], [42]])(
    'rejects %s with unknown_event and a hint',
    (name) => {
      const error = (() => {
        try {
          resolveEventName(name);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(TokenframeError);
      expect(error).toMatchObject({ code: 'unknown_event' });
      expect((error as Error).message).toContain('Tokenframe.EVENTS');
    },
  );
});

describe('createEmitter', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps calling the other listeners when one throws, and reports the error', () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const emitter = createEmitter();
    const calls: string[] = [];
    emitter.add('READY', () => {
      throw new Error('merchant bug');
    });
    emitter.add(EVENTS.READY, () => calls.push('second'));
    emitter.emit(ready);
    expect(calls).toEqual(['second']);
    expect(reportError).toHaveBeenCalledWith(new Error('merchant bug'));
  });

  it('registers a listener once however often it is added, and removes it by key or value', () => {
    const emitter = createEmitter();
    const listener = vi.fn();
    emitter.add('READY', listener);
    emitter.add(EVENTS.READY, listener);
    emitter.emit(ready);
    expect(listener).toHaveBeenCalledTimes(1);
    emitter.remove('READY', listener);
    emitter.emit(ready);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('returns an unsubscribe function from add', () => {
    const emitter = createEmitter();
    const listener = vi.fn();
    const off = emitter.add('READY', listener);
    off();
    emitter.emit(ready);
    expect(listener).not.toHaveBeenCalled();
  });

  it('rejects a listener that is not a function', () => {
    expect(() => createEmitter().add('READY', 'nope')).toThrowError(
      expect.objectContaining({ code: 'invalid_listener' }),
    );
  });
});
