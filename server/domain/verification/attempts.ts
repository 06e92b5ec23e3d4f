import type { VerificationFeature } from '../../../protocol/constants';

/**
 * Attempt counting (PRODUCT.md §2): each failed attempt counts against its feature within
 * the current mount and against the session overall. Pure, so the table of cases lives in
 * one test.
 */

/** Failure counters: per feature for the current mount, and for the whole session. */
export interface AttemptCounters {
  recipient_verification: number;
  account_verification: number;
  session: number;
}

/** The program's limits. */
export interface AttemptLimits {
  per_feature_per_mount: number;
  per_session: number;
}

/**
 * What happens after a failed attempt:
 * - `retry`: the recipient may try again on this mount;
 * - `terminal`: the feature hit its per-mount limit; this mount is done, the session stays active;
 * - `max_attempts_exceeded`: the session limit is reached; the session ends.
 */
export type AttemptStatus = 'retry' | 'terminal' | 'max_attempts_exceeded';

/** Counters and status after one failed attempt of `feature`. */
export interface AttemptTransition {
  counters: AttemptCounters;
  status: AttemptStatus;
}

/** Counts one failed attempt of `feature`. The session limit wins over the feature limit. */
export function transition(
  counters: AttemptCounters,
  feature: VerificationFeature,
  limits: AttemptLimits,
): AttemptTransition {
  const next: AttemptCounters = {
    ...counters,
    [feature]: counters[feature] + 1,
    session: counters.session + 1,
  };
  if (next.session >= limits.per_session)
    return { counters: next, status: 'max_attempts_exceeded' };
  if (next[feature] >= limits.per_feature_per_mount) return { counters: next, status: 'terminal' };
  return { counters: next, status: 'retry' };
}

/**
 * Attempts left, as the widget shows them: a feature can never have more tries left than
 * the session has.
 */
export function attemptsRemaining(counters: AttemptCounters, limits: AttemptLimits) {
  const session = Math.max(0, limits.per_session - counters.session);
  const feature = (used: number) =>
    Math.min(session, Math.max(0, limits.per_feature_per_mount - used));
  return {
    recipient_verification_remaining: feature(counters.recipient_verification),
    account_verification_remaining: feature(counters.account_verification),
    session_remaining: session,
  };
}
