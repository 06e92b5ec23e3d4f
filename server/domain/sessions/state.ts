/**
 * Session lifecycle (PRODUCT.md §1) as data: the states, what can happen to a session, and
 * one transition table that every write to `sessions` applies (`sessionChanges.ts`).
 */
export const SESSION_STATES = [
  'active',
  'expired',
  'completed',
  'canceled',
  'terminated',
  'max_attempts_exceeded',
] as const;

/** One of {@link SESSION_STATES}. */
export type SessionState = (typeof SESSION_STATES)[number];

/** What can happen to a session. */
export const SESSION_EVENTS = [
  'url_issued', // an idempotent re-request issued a fresh authorized_url
  'url_expired', // the newest URL was not mounted within 30 s
  'mounted', // the widget exchanged a URL
  'flow_progressed', // a live mount verified, failed an attempt or changed destination
  'token_success',
  'canceled',
  'terminated', // the ops API ended it
  'max_attempts_exceeded',
] as const;

/** One of {@link SESSION_EVENTS}. */
export type SessionEvent = (typeof SESSION_EVENTS)[number];

/** States after which the session can never be mounted again. */
export const FINAL_STATES: readonly SessionState[] = [
  'completed',
  'canceled',
  'terminated',
  'max_attempts_exceeded',
];

/** True when no event can move the session any more. */
export function isFinal(state: SessionState): boolean {
  return FINAL_STATES.includes(state);
}

/**
 * Every allowed (state, event) → next state; a pair that is absent is refused. Final states
 * have no rows. `expired` means the newest authorized_url went unmounted, yet a mount made
 * from an earlier URL may still be live (PRODUCT.md §1: a re-request issues a new URL while
 * the recipient is already in the flow). That live mount keeps working, so every event a
 * mount causes has an `expired` row; only a new exchange (`mounted`) needs a fresh URL.
 */
const TRANSITIONS: Readonly<
  Record<SessionEvent, Readonly<Partial<Record<SessionState, SessionState>>>>
> = {
  url_issued: { active: 'active', expired: 'active' },
  url_expired: { active: 'expired' },
  mounted: { active: 'active' },
  flow_progressed: { active: 'active', expired: 'expired' },
  token_success: { active: 'completed', expired: 'completed' },
  canceled: { active: 'canceled', expired: 'canceled' },
  terminated: { active: 'terminated', expired: 'terminated' },
  max_attempts_exceeded: { active: 'max_attempts_exceeded', expired: 'max_attempts_exceeded' },
};

/** The next state, or `null` when the table has no row for `event` in `state`. */
export function transition(state: SessionState, event: SessionEvent): SessionState | null {
  return TRANSITIONS[event][state] ?? null;
}
