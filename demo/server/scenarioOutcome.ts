/**
 * What a demo scenario announces, as data. The page's "what should happen" sentence is
 * written from this object by {@link describeOutcome}, and the browser suite checks the same
 * object against the running product, so the words on the page and the product's behaviour
 * cannot drift apart (PRODUCT.md §2, sandbox test data).
 */

/** The masked account the confirmation page and TOKEN_SUCCESS show. */
export interface AnnouncedAccount {
  /** Exactly as shown: `•••• 5556`, `j•••@example.com`. */
  display: string;
  last4?: string;
  /** Card brand code as the protocol carries it (`visa`, `mastercard`). */
  brand?: string;
  /** Bank (ACH) or biller (BillPay) name. */
  bank_name?: string;
}

/** The recipient ends with a token (TOKEN_SUCCESS, session `completed`). */
export interface TokenizedOutcome {
  kind: 'tokenized';
  account: AnnouncedAccount;
  /**
   * The SDK first re-requests the URL for this reason (REAUTHORIZING) and mounts the fresh
   * one; the demo backend replays the recipient's key, so the service answers 101.
   */
  reauthorizedFor?: 'url_expired';
}

/** The widget refuses the input next to a field: nothing is sent, no attempt is counted. */
export interface InlineErrorOutcome {
  kind: 'inline_error';
  /** The field's visible label (en-US), which the error sits under. */
  fieldLabel: string;
  /** The error text (en-US) exactly as shown. */
  message: string;
}

/** One failed verification attempt (ACCOUNT_COULD_NOT_BE_VERIFIED). */
export interface VerificationFailedOutcome {
  kind: 'verification_failed';
  feature: 'recipient_verification' | 'account_verification';
  code: string;
  /** `attempts_remaining` of the event after this first failure. */
  attemptsRemaining: number;
}

/** Failures until the mount, then the session, run out of attempts (demo program limits). */
export interface AttemptsExhaustedOutcome {
  kind: 'attempts_exhausted';
  perMount: number;
  perSession: number;
}

/** Everything a scenario can announce. */
export type ScenarioOutcome =
  TokenizedOutcome | InlineErrorOutcome | VerificationFailedOutcome | AttemptsExhaustedOutcome;

const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

const FEATURE_NAMES: Record<VerificationFailedOutcome['feature'], string> = {
  recipient_verification: 'recipient verification (RVDM)',
  account_verification: 'account verification',
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The plain-words sentence the demo page shows for `outcome` on `destination`. */
export function describeOutcome(outcome: ScenarioOutcome, destination: string): string {
  switch (outcome.kind) {
    case 'tokenized': {
      const { account } = outcome;
      const institution = account.bank_name ?? (account.brand && BRAND_NAMES[account.brand]);
      const shown = institution ? `${account.display} (${institution})` : account.display;
      const tokenized =
        `Confirmation shows ${shown}; Confirm emits TOKEN_SUCCESS with funding_destination ` +
        `"${destination}", that account and a customer_account_token; the session becomes completed.`;
      if (!outcome.reauthorizedFor) return tokenized;
      return (
        `The SDK sees the URL expired before mounting it, emits REAUTHORIZING ` +
        `(${outcome.reauthorizedFor}), gets a fresh URL for the same session (create answers 101) ` +
        `and mounts it. Then: ${tokenized}`
      );
    }
    case 'inline_error':
      return (
        `Continue shows the error "${outcome.message}" under ${outcome.fieldLabel}; ` +
        'nothing is verified, no event is sent and no attempt is counted.'
      );
    case 'verification_failed':
      return (
        `ACCOUNT_COULD_NOT_BE_VERIFIED: ${FEATURE_NAMES[outcome.feature]} failed with code ` +
        `${outcome.code}. One failed attempt: attempts_remaining ${outcome.attemptsRemaining}, ` +
        'the session panel shows attempts_used 1.'
      );
    case 'attempts_exhausted': {
      const after = outcome.perSession - outcome.perMount;
      return (
        `Submit ${outcome.perMount} times: ${plural(outcome.perMount, 'ACCOUNT_COULD_NOT_BE_VERIFIED')}, ` +
        'then TERMINAL_FAILURE. Continue emits TERMINAL_FAILURE_ACKNOWLEDGED; the SDK emits ' +
        'REAUTHORIZING (terminal_failure_acknowledged) and mounts a fresh URL of the same session ' +
        `(create answers 101). Submit ${after} more: the last one emits ` +
        'MAX_VERIFICATION_ATTEMPTS_EXCEEDED instead of ACCOUNT_COULD_NOT_BE_VERIFIED and the ' +
        'session ends (state max_attempts_exceeded).'
      );
    }
  }
}
