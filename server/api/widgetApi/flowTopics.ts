import { EVENTS } from '../../../protocol/constants';

/**
 * Webhook / timeline topics the widget API records. Where the host receives an event of the
 * same meaning, the topic is that event's `event_name`, so a merchant can follow one
 * vocabulary on both channels. Payloads name fields and codes, never account numbers.
 */
export const FLOW_TOPICS = {
  TOKEN_SUCCESS: EVENTS.TOKEN_SUCCESS,
  /** Any failed attempt (RVDM 1105, sandbox 700 / 777). */
  ACCOUNT_COULD_NOT_BE_VERIFIED: EVENTS.ACCOUNT_COULD_NOT_BE_VERIFIED,
  TERMINAL_FAILURE: EVENTS.TERMINAL_FAILURE,
  MAX_VERIFICATION_ATTEMPTS_EXCEEDED: EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED,
  FUNDING_CANCELED: EVENTS.FUNDING_CANCELED,
  /** RVDM results with per-field outcomes: 1103 all matched, 1104 soft mismatch, 1105 hard. */
  RECIPIENT_VERIFICATION_SUCCESS: 'tokenframe.recipient_verification.success',
  RECIPIENT_VERIFICATION_SOFT_FAILURE: 'tokenframe.recipient_verification.soft_failure',
  RECIPIENT_VERIFICATION_FAILURE: 'tokenframe.recipient_verification.failure',
  /** The recipient chose another funding destination ("use a different method"). */
  FUNDING_DESTINATION_CHANGED: 'tokenframe.funding_destination_changed',
} as const;
