import { describe, expect, it } from 'vitest';
import { transition, type MountEvent, type MountState } from './mountLifecycle';

// Every (state, event) pair that changes something; every other pair must leave the state alone.
const CHANGES: Array<[MountState, MountEvent, MountState]> = [
  ['idle', 'mount', 'loading'],
  ['idle', 'mount_expired', 'reauthorizing'],
  ['loading', 'hello', 'connecting'],
  ['connecting', 'ready', 'ready'],
  ['loading', 'recoverable', 'reauthorizing'],
  ['connecting', 'recoverable', 'reauthorizing'],
  ['ready', 'recoverable', 'reauthorizing'],
  ['reauthorizing', 'authorized', 'loading'],
  ['reauthorizing', 'give_up', 'failed'],
  ['loading', 'give_up', 'failed'],
  ['connecting', 'give_up', 'failed'],
  ['ready', 'give_up', 'failed'],
  ['loading', 'terminal', 'finished'],
  ['connecting', 'terminal', 'finished'],
  ['ready', 'terminal', 'finished'],
];

const STATES: MountState[] = [
  'idle',
  'reauthorizing',
  'loading',
  'connecting',
  'ready',
  'finished',
  'failed',
  'destroyed',
];
const EVENTS: MountEvent[] = [
  'mount',
  'mount_expired',
  'hello',
  'ready',
  'recoverable',
  'authorized',
  'terminal',
  'give_up',
  'destroy',
];

describe('mount lifecycle transition', () => {
  it.each(CHANGES)('%s + %s → %s', (state, event, next) => {
    expect(transition(state, event)).toBe(next);
  });

  it('a new mount restarts from any state except destroyed', () => {
    for (const state of STATES.filter((s) => s !== 'destroyed')) {
      expect(transition(state, 'mount')).toBe('loading');
      expect(transition(state, 'mount_expired')).toBe('reauthorizing');
    }
  });

  it('destroy ends every state, and nothing leaves destroyed', () => {
    for (const state of STATES) expect(transition(state, 'destroy')).toBe('destroyed');
    for (const event of EVENTS) expect(transition('destroyed', event)).toBe('destroyed');
  });

  it('a finished flow (terminal outcome) is never re-requested', () => {
    expect(transition('finished', 'recoverable')).toBe('finished');
    expect(transition('finished', 'authorized')).toBe('finished');
  });

  it('ignores every other event (returns the same state)', () => {
    const listed = new Set(CHANGES.map(([s, e]) => `${s}/${e}`));
    for (const state of STATES) {
      for (const event of EVENTS) {
        if (['mount', 'mount_expired', 'destroy'].includes(event)) continue;
        if (listed.has(`${state}/${event}`)) continue;
        expect(transition(state, event), `${state} + ${event}`).toBe(state);
      }
    }
  });
});
