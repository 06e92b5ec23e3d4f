import type {
  Attempts,
  FundingDestination,
  MaskedAccount,
  SessionErrorCode,
  VerificationFeature,
} from '../../protocol';

/** The last failed verification attempt, shown above the form. Codes, never values. */
export interface VerificationFailure {
  feature: VerificationFeature;
  /** Sandbox code: `1105` RVDM mismatch, `700`, `777`. */
  code: string;
  /** RVDM only: names of the fields that did not match. */
  mismatchedFields: string[];
}

/**
 * Where the flow is: one variant per page of protocol `PAGES`, each carrying only what its
 * page shows. A string union, not a set of booleans (STYLE.md "State as data").
 */
export type FlowState =
  | { page: 'loading' }
  | { page: 'session_error'; error: SessionErrorCode }
  | {
      page: 'account_entry';
      destination: FundingDestination;
      /** The recipient asked to use a different method: the picker is open. */
      choosingDestination: boolean;
      failure: VerificationFailure | null;
      /** Field → i18n key of a problem the service reported (e.g. not a debit card). */
      serverFieldErrors: Record<string, string>;
      attempts: Attempts;
    }
  | {
      page: 'confirmation';
      destination: FundingDestination;
      account: MaskedAccount;
      attempts: Attempts;
    }
  | { page: 'success'; destination: FundingDestination; account: MaskedAccount }
  | {
      page: 'terminal_failure';
      destination: FundingDestination;
      feature: VerificationFeature;
      acknowledged: boolean;
    }
  | { page: 'max_attempts_exceeded' }
  | { page: 'canceled'; destination: FundingDestination };

/** What happened: API outcomes and the recipient's choices. */
export type FlowEvent =
  | { type: 'session_started'; destination: FundingDestination; attempts: Attempts }
  | { type: 'session_failed'; error: SessionErrorCode }
  | { type: 'account_rejected'; fieldErrors: Record<string, string> }
  | {
      type: 'verification_failed';
      feature: VerificationFeature;
      code: string;
      terminal: boolean;
      attempts: Attempts;
      mismatchedFields: string[];
    }
  | { type: 'account_verified'; account: MaskedAccount; attempts: Attempts }
  | { type: 'max_attempts_exceeded' }
  | { type: 'tokenized'; account: MaskedAccount }
  | { type: 'canceled' }
  | { type: 'different_method_requested' }
  | { type: 'different_method_dismissed' }
  | { type: 'destination_changed'; destination: FundingDestination }
  | { type: 'terminal_failure_acknowledged' };

/** Pages after which nothing more can happen in this mount. */
export const FINAL_PAGES: readonly FlowState['page'][] = [
  'session_error',
  'success',
  'max_attempts_exceeded',
  'canceled',
];
