import { FINAL_PAGES, type FlowEvent, type FlowState } from './state';

/** The first state of every mount. */
export const INITIAL_STATE: FlowState = { page: 'loading' };

/**
 * The page flow of PRODUCT.md §2 as a pure function. An event that does not apply to the
 * current page returns the same state object, so callers can ignore stale API answers.
 */
export function transition(state: FlowState, event: FlowEvent): FlowState {
  if (FINAL_PAGES.includes(state.page)) return state;
  switch (event.type) {
    case 'session_failed':
      return { page: 'session_error', error: event.error };
    case 'max_attempts_exceeded':
      return state.page === 'loading' ? state : { page: 'max_attempts_exceeded' };
    case 'session_started':
      return state.page === 'loading'
        ? {
            page: 'account_entry',
            destination: event.destination,
            choosingDestination: false,
            failure: null,
            serverFieldErrors: {},
            attempts: event.attempts,
          }
        : state;
    case 'account_rejected':
      return state.page === 'account_entry'
        ? { ...state, failure: null, serverFieldErrors: event.fieldErrors }
        : state;
    case 'verification_failed':
      if (state.page !== 'account_entry') return state;
      if (event.terminal) {
        return {
          page: 'terminal_failure',
          destination: state.destination,
          feature: event.feature,
          acknowledged: false,
        };
      }
      return {
        ...state,
        attempts: event.attempts,
        serverFieldErrors: {},
        failure: {
          feature: event.feature,
          code: event.code,
          mismatchedFields: event.mismatchedFields,
        },
      };
    case 'account_verified':
      return state.page === 'account_entry'
        ? {
            page: 'confirmation',
            destination: state.destination,
            account: event.account,
            attempts: event.attempts,
          }
        : state;
    case 'tokenized':
      return state.page === 'confirmation'
        ? { page: 'success', destination: state.destination, account: event.account }
        : state;
    case 'canceled':
      return state.page === 'account_entry' || state.page === 'confirmation'
        ? { page: 'canceled', destination: state.destination }
        : state;
    case 'different_method_requested':
      if (state.page === 'account_entry') return { ...state, choosingDestination: true };
      if (state.page === 'confirmation') {
        return {
          page: 'account_entry',
          destination: state.destination,
          choosingDestination: true,
          failure: null,
          serverFieldErrors: {},
          attempts: state.attempts,
        };
      }
      return state;
    case 'different_method_dismissed':
      return state.page === 'account_entry' ? { ...state, choosingDestination: false } : state;
    case 'destination_changed':
      return state.page === 'account_entry'
        ? {
            ...state,
            destination: event.destination,
            choosingDestination: false,
            failure: null,
            serverFieldErrors: {},
          }
        : state;
    case 'terminal_failure_acknowledged':
      return state.page === 'terminal_failure' ? { ...state, acknowledged: true } : state;
  }
}
