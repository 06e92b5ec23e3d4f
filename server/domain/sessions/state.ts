/** Session lifecycle (PRODUCT.md §1) as data: states, events and one pure transition. */
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
export type SessionEvent =
  | 'url_issued' // an idempotent re-request issued a fresh authorized_url
  | 'url_expired' // the newest URL was not mounted within 30 s
  | 'mounted' // the widget exchanged a URL
  | 'token_success'
  | 'canceled'
  | 'terminated' // the ops API ended it
  | 'max_attempts_exceeded';

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
 * The next state, or `null` when the event is not allowed in `state` (a final session ignores
 * everything; an expired one must be re-requested before it can be mounted or finished).
 */
export function transition(state: SessionState, event: SessionEvent): SessionState | null {
  if (isFinal(state)) return null;
  switch (event) {
    case 'url_issued':
      return 'active';
    case 'url_expired':
      return state === 'active' ? 'expired' : null;
    case 'mounted':
      return state === 'active' ? 'active' : null;
    case 'token_success':
      return state === 'active' ? 'completed' : null;
    case 'canceled':
      return state === 'active' ? 'canceled' : null;
    case 'terminated':
      return 'terminated';
    case 'max_attempts_exceeded':
      return state === 'active' ? 'max_attempts_exceeded' : null;
  }
}
