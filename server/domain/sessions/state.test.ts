import { describe, expect, it } from 'vitest';
import {
  SESSION_EVENTS,
  SESSION_STATES,
  isFinal,
  transition,
  type SessionEvent,
  type SessionState,
} from './state';

const EVENTS = SESSION_EVENTS;

// Expected next state for every (state, event); null = not allowed.
const TABLE: Record<SessionState, Record<SessionEvent, SessionState | null>> = {
  active: {
    url_issued: 'active',
    url_expired: 'expired',
    mounted: 'active',
    flow_progressed: 'active',
    token_success: 'completed',
    canceled: 'canceled',
    terminated: 'terminated',
    max_attempts_exceeded: 'max_attempts_exceeded',
  },
  // A live mount made from an earlier URL keeps working after the newest URL expired: every
  // event a mount causes is allowed; only a new exchange needs a re-requested URL.
  expired: {
    url_issued: 'active',
    url_expired: null,
    mounted: null,
    flow_progressed: 'expired',
    token_success: 'completed',
    canceled: 'canceled',
    terminated: 'terminated',
    max_attempts_exceeded: 'max_attempts_exceeded',
  },
  completed: Object.fromEntries(EVENTS.map((e) => [e, null])) as Record<SessionEvent, null>,
  canceled: Object.fromEntries(EVENTS.map((e) => [e, null])) as Record<SessionEvent, null>,
  terminated: Object.fromEntries(EVENTS.map((e) => [e, null])) as Record<SessionEvent, null>,
  max_attempts_exceeded: Object.fromEntries(EVENTS.map((e) => [e, null])) as Record<
    SessionEvent,
    null
  >,
};

describe('session transition table', () => {
  for (const state of SESSION_STATES)
    for (const event of EVENTS)
      it(`${state} --${event}--> ${TABLE[state][event] ?? 'refused'}`, () => {
        expect(transition(state, event)).toBe(TABLE[state][event]);
      });

  it('exactly completed, canceled, terminated and max_attempts_exceeded are final', () => {
    expect(SESSION_STATES.filter(isFinal)).toEqual([
      'completed',
      'canceled',
      'terminated',
      'max_attempts_exceeded',
    ]);
  });
});
