import { EVENTS, type AccountOutcome, type AccountSubmission } from '../../protocol';
import type { HostEventEmitter } from '../emitter';
import { serverFieldErrors } from './serverFieldErrors';
import type { FlowEvent } from './state';

/** What {@link followAccountOutcome} reaches in `App`. */
export interface OutcomeEffects {
  emitter: Pick<HostEventEmitter, 'emit'>;
  dispatch(event: FlowEvent): void;
  /** Announces a message key in the status region. */
  announce(key: string): void;
  /** Whether the locale has a message for a key (service field errors without one get a generic one). */
  hasMessage(key: string): boolean;
}

/**
 * The service's answer to a submitted account, as flow events and the events of PRODUCT.md §3.
 * Part of the chunk that downloads after READY: no account is submitted before READY.
 */
export function followAccountOutcome(
  outcome: AccountOutcome,
  submission: AccountSubmission,
  { emitter, dispatch, announce, hasMessage }: OutcomeEffects,
): void {
  const fundingDestination = submission.funding_destination;
  switch (outcome.result) {
    case 'verified':
      dispatch({ type: 'account_verified', account: outcome.account, attempts: outcome.attempts });
      return;
    case 'invalid': {
      const fieldErrors = serverFieldErrors(outcome.fields, hasMessage, fundingDestination);
      dispatch({ type: 'account_rejected', fieldErrors });
      const first = Object.values(fieldErrors)[0];
      if (first) announce(first);
      return;
    }
    case 'verification_failed': {
      const remaining =
        outcome.feature === 'recipient_verification'
          ? outcome.attempts.recipient_verification_remaining
          : outcome.attempts.account_verification_remaining;
      emitter.emit({
        event_name: EVENTS.ACCOUNT_COULD_NOT_BE_VERIFIED,
        funding_destination: fundingDestination,
        feature: outcome.feature,
        code: outcome.code,
        attempts_remaining: Math.max(0, Math.min(remaining, outcome.attempts.session_remaining)),
      });
      if (outcome.terminal) {
        emitter.emit({
          event_name: EVENTS.TERMINAL_FAILURE,
          funding_destination: fundingDestination,
          feature: outcome.feature,
          error: `${outcome.feature}_failed`,
        });
      }
      dispatch({
        type: 'verification_failed',
        feature: outcome.feature,
        code: outcome.code,
        terminal: outcome.terminal,
        attempts: outcome.attempts,
        mismatchedFields: outcome.mismatched_fields ?? [],
      });
      return;
    }
    case 'max_attempts_exceeded':
      emitter.emit({ event_name: EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED });
      dispatch({ type: 'max_attempts_exceeded' });
      return;
  }
}
