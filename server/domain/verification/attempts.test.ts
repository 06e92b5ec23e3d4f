import { describe, expect, it } from 'vitest';
import { attemptsRemaining, transition, type AttemptCounters } from './attempts';

const limits = { per_feature_per_mount: 3, per_session: 5 };
const counters = (rv: number, av: number, session: number): AttemptCounters => ({
  recipient_verification: rv,
  account_verification: av,
  session,
});

describe('attempts transition', () => {
  it.each([
    ['first RVDM failure', counters(0, 0, 0), 'recipient_verification', counters(1, 0, 1), 'retry'],
    [
      'second RVDM failure',
      counters(1, 0, 1),
      'recipient_verification',
      counters(2, 0, 2),
      'retry',
    ],
    [
      'third RVDM failure on a mount',
      counters(2, 0, 2),
      'recipient_verification',
      counters(3, 0, 3),
      'terminal',
    ],
    [
      'third account failure on a mount',
      counters(0, 2, 2),
      'account_verification',
      counters(0, 3, 3),
      'terminal',
    ],
    [
      'failures of two features count apart',
      counters(2, 1, 3),
      'account_verification',
      counters(2, 2, 4),
      'retry',
    ],
    [
      'first failure on a fresh mount after 3',
      counters(0, 0, 3),
      'recipient_verification',
      counters(1, 0, 4),
      'retry',
    ],
    [
      'fifth failure overall',
      counters(1, 0, 4),
      'recipient_verification',
      counters(2, 0, 5),
      'max_attempts_exceeded',
    ],
    [
      'fifth failure that is also a third',
      counters(2, 2, 4),
      'account_verification',
      counters(2, 3, 5),
      'max_attempts_exceeded',
    ],
  ] as const)('%s', (_name, before, feature, after, status) => {
    expect(transition(before, feature, limits)).toEqual({ counters: after, status });
  });

  it('honours other program limits', () => {
    expect(
      transition(counters(0, 0, 0), 'account_verification', {
        per_feature_per_mount: 1,
        per_session: 10,
      }).status,
    ).toBe('terminal');
  });
});

describe('attemptsRemaining', () => {
  it('reports per-feature tries left, never more than the session has left', () => {
    expect(attemptsRemaining(counters(0, 0, 0), limits)).toEqual({
      recipient_verification_remaining: 3,
      account_verification_remaining: 3,
      session_remaining: 5,
    });
    expect(attemptsRemaining(counters(1, 0, 4), limits)).toEqual({
      recipient_verification_remaining: 1,
      account_verification_remaining: 1,
      session_remaining: 1,
    });
    expect(attemptsRemaining(counters(3, 0, 5), limits).session_remaining).toBe(0);
  });
});
