import { DEMO_RECIPIENT_INFORMATION as who } from './demoRecipients';
import { describeOutcome, type ScenarioOutcome } from './scenarioOutcome';

/**
 * The QA presets shown on the demo page: each names a destination, says what to type (the
 * sandbox test data of PRODUCT.md §2) and what the product then does. `outcome` is data: the
 * page's sentence is written from it and the browser suite checks it, so the page cannot
 * drift from the sandbox. The same rows drive the widget in the suite and in the stand-in
 * native app (`demo/webview/nativeShell.ts`).
 */

/** How a driver enters a row: type into inputs, pick a select option, or choose a radio. */
export type TestDataEntry =
  { type: 'text'; ids: readonly string[] } | { type: 'select'; id: string } | { type: 'choice' };

/** One line of "type this" shown next to the scenario. */
export interface TestDataRow {
  /** The widget's own words for the field (en-US), so QA finds it on screen. */
  field: string;
  value: string;
  entry: TestDataEntry;
}

/** A scenario preset as written here; {@link Scenario} adds the derived sentence. */
interface ScenarioSpec {
  id: string;
  label: string;
  destination: 'debit' | 'credit' | 'ach' | 'paypal' | 'billpay';
  /** What to type, in the widget's field order. */
  testData: TestDataRow[];
  /** What the product does with it. */
  outcome: ScenarioOutcome;
  /** Mint the URL, then wait this long before mounting (the expired-URL preset). */
  mountDelayMs?: number;
}

/** A scenario preset, with the sentence the page shows. */
export interface Scenario extends ScenarioSpec {
  /** What QA should see, in plain words: {@link describeOutcome} of `outcome`. */
  expected: string;
}

const text = (field: string, value: string, ...ids: string[]): TestDataRow => ({
  field,
  value,
  entry: { type: 'text', ids },
});
const recipientName: TestDataRow[] = [
  text('First name', who.first_name, 'first_name'),
  text('Last name', who.last_name, 'last_name'),
];
const billingAddress: TestDataRow[] = [
  text('Address line 1', who.address_line1, 'address_line1'),
  text('City', who.city, 'city'),
  { field: 'State', value: who.state, entry: { type: 'select', id: 'state' } },
  text('ZIP code', who.zip_code, 'zip_code'),
];
const card = (number: string): TestDataRow[] => [
  ...recipientName,
  text('Card number', number, 'card_number'),
  text('Expiration date (MM/YY)', '12/30', 'expiration'),
  ...billingAddress,
];
const ach = (account: string): TestDataRow[] => [
  ...recipientName,
  text('Routing number', '011000015', 'routing_number'),
  text('Account number (twice)', account, 'account_number', 'account_number_confirm'),
  { field: 'Account type', value: 'Checking', entry: { type: 'choice' } },
  ...billingAddress,
];
const demoLimits = { perMount: 3, perSession: 5 };

const SPECS: readonly ScenarioSpec[] = [
  {
    id: 'debit-happy',
    label: 'Debit card: verified and tokenized',
    destination: 'debit',
    testData: card('4000 0566 5566 5556'),
    outcome: { kind: 'tokenized', account: { display: '•••• 5556', last4: '5556', brand: 'visa' } },
  },
  {
    id: 'credit-happy',
    label: 'Credit card: verified and tokenized',
    destination: 'credit',
    testData: card('4111 1111 1111 1111'),
    outcome: { kind: 'tokenized', account: { display: '•••• 1111', last4: '1111', brand: 'visa' } },
  },
  {
    id: 'ach-happy',
    label: 'Bank account (ACH): verified and tokenized',
    destination: 'ach',
    testData: ach('000123456789'),
    outcome: {
      kind: 'tokenized',
      account: { display: '•••• 6789', last4: '6789', bank_name: 'Federal Reserve Bank of Boston' },
    },
  },
  {
    id: 'paypal-mobile',
    label: 'PayPal by mobile number: tokenized',
    destination: 'paypal',
    testData: [text('PayPal mobile number', who.phone_number, 'paypal_phone')],
    outcome: { kind: 'tokenized', account: { display: '•••• 0100', last4: '0100' } },
  },
  {
    id: 'paypal-email',
    label: 'PayPal by email address: tokenized',
    destination: 'paypal',
    testData: [text('PayPal email address', 'jane@example.com', 'paypal_email')],
    outcome: { kind: 'tokenized', account: { display: 'j•••@example.com' } },
  },
  {
    id: 'billpay-happy',
    label: 'BillPay: biller and account, tokenized',
    destination: 'billpay',
    testData: [
      text('Search for your biller', 'Verizon', 'biller_search'),
      {
        field: 'Biller (pick from the results)',
        value: 'Verizon Wireless',
        entry: { type: 'choice' },
      },
      text('Account number at the biller', '1234567890', 'biller_account_number'),
    ],
    outcome: {
      kind: 'tokenized',
      account: { display: '•••• 7890', last4: '7890', bank_name: 'Verizon Wireless' },
    },
  },
  {
    id: 'debit-credit-card',
    label: 'Debit with a credit card: rejected, not an attempt',
    destination: 'debit',
    testData: card('4111 1111 1111 1111'),
    outcome: {
      kind: 'inline_error',
      fieldLabel: 'Card number',
      message: 'This is a credit card. Enter a debit card instead.',
    },
  },
  {
    id: 'rvdm-mismatch',
    label: 'Recipient verification mismatch (RVDM, last name "Smith")',
    destination: 'debit',
    testData: card('4000 0566 5566 5556').map((row) =>
      row.field === 'Last name' ? { ...row, value: 'Smith' } : row,
    ),
    outcome: {
      kind: 'verification_failed',
      feature: 'recipient_verification',
      code: '1105',
      attemptsRemaining: demoLimits.perMount - 1,
    },
  },
  {
    id: 'account-700',
    label: 'Account not available (code 700)',
    destination: 'debit',
    testData: card('4000 0000 0000 0002'),
    outcome: {
      kind: 'verification_failed',
      feature: 'account_verification',
      code: '700',
      attemptsRemaining: demoLimits.perMount - 1,
    },
  },
  {
    id: 'ach-777',
    label: 'ACH name/address failure (code 777)',
    destination: 'ach',
    testData: ach('000111111113'),
    outcome: {
      kind: 'verification_failed',
      feature: 'account_verification',
      code: '777',
      attemptsRemaining: demoLimits.perMount - 1,
    },
  },
  {
    id: 'max-attempts',
    label: 'Max attempts: 3 per mount, 5 per session',
    destination: 'debit',
    testData: card('4000 0000 0000 0002'),
    outcome: { kind: 'attempts_exhausted', ...demoLimits },
  },
  {
    id: 'expired-url',
    label: 'Expired URL: mint, wait 31 s, then mount',
    destination: 'debit',
    testData: card('4000 0566 5566 5556'),
    outcome: {
      kind: 'tokenized',
      account: { display: '•••• 5556', last4: '5556', brand: 'visa' },
      reauthorizedFor: 'url_expired',
    },
    // An authorized_url lives 30 s (PRODUCT.md §1); one more second makes it expired.
    mountDelayMs: 31_000,
  },
];

/** Every preset, happy paths first. */
export const SCENARIOS: readonly Scenario[] = SPECS.map((spec) => ({
  ...spec,
  expected: describeOutcome(spec.outcome, spec.destination),
}));
