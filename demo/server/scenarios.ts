import { DEMO_RECIPIENT_INFORMATION as who } from './demoRecipients';

/**
 * The QA presets shown on the demo page: each names a destination, says what to type (the
 * sandbox test data of PRODUCT.md §2) and what should happen. The e2e suite drives the
 * same list, so the page and the tests cannot drift apart.
 */

/** One line of "type this" shown next to the scenario. */
export interface TestDataRow {
  field: string;
  value: string;
}

/** A scenario preset. */
export interface Scenario {
  id: string;
  label: string;
  destination: 'debit' | 'credit' | 'ach' | 'paypal' | 'billpay';
  /** What to type, in the widget's field order. */
  testData: TestDataRow[];
  /** What QA should see, in plain words. */
  expected: string;
  /** Mint the URL, then wait this long before mounting (the expired-URL preset). */
  mountDelayMs?: number;
}

const recipientName: TestDataRow[] = [
  { field: 'First name', value: who.first_name },
  { field: 'Last name', value: who.last_name },
];
const billingAddress: TestDataRow[] = [
  { field: 'Address line 1', value: who.address_line1 },
  { field: 'City', value: who.city },
  { field: 'State', value: who.state },
  { field: 'ZIP code', value: who.zip_code },
];
const card = (number: string): TestDataRow[] => [
  ...recipientName,
  { field: 'Card number', value: number },
  { field: 'Expiration date', value: '12/30' },
  ...billingAddress,
];
const ach = (account: string): TestDataRow[] => [
  ...recipientName,
  { field: 'Routing number', value: '011000015' },
  { field: 'Account number (twice)', value: account },
  { field: 'Account type', value: 'Checking' },
  ...billingAddress,
];

/** Every preset, happy paths first. */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'debit-happy',
    label: 'Debit card: verified and tokenized',
    destination: 'debit',
    testData: card('4000 0566 5566 5556'),
    expected:
      'Confirmation shows •••• 5556; Confirm emits TOKEN_SUCCESS with a customer_account_token.',
  },
  {
    id: 'credit-happy',
    label: 'Credit card: verified and tokenized',
    destination: 'credit',
    testData: card('4111 1111 1111 1111'),
    expected: 'Confirmation shows •••• 1111; Confirm emits TOKEN_SUCCESS.',
  },
  {
    id: 'ach-happy',
    label: 'Bank account (ACH): verified and tokenized',
    destination: 'ach',
    testData: ach('000123456789'),
    expected: 'The bank name appears under the routing number; Confirm emits TOKEN_SUCCESS.',
  },
  {
    id: 'paypal-happy',
    label: 'PayPal (by mobile number): tokenized',
    destination: 'paypal',
    testData: [{ field: 'PayPal mobile number', value: who.phone_number }],
    expected:
      'Confirmation shows •••• 0100; Confirm emits TOKEN_SUCCESS with funding_destination "paypal". ' +
      '(The sandbox links PayPal by mobile number; an email address alone is refused inline.)',
  },
  {
    id: 'billpay-happy',
    label: 'BillPay: biller and account, tokenized',
    destination: 'billpay',
    testData: [
      { field: 'Biller search', value: 'Verizon' },
      { field: 'Account number at the biller', value: '1234567890' },
    ],
    expected:
      'Pick "Verizon Wireless"; Confirm emits TOKEN_SUCCESS with funding_destination "billpay".',
  },
  {
    id: 'debit-credit-card',
    label: 'Debit with a credit card: rejected, not an attempt',
    destination: 'debit',
    testData: card('4111 1111 1111 1111'),
    expected: 'An inline "not a debit card" error; no failed attempt is counted.',
  },
  {
    id: 'rvdm-mismatch',
    label: 'Recipient verification mismatch (RVDM)',
    destination: 'debit',
    testData: card('4000 0566 5566 5556').map((row) =>
      row.field === 'Last name' ? { field: 'Last name', value: 'Smith' } : row,
    ),
    expected:
      'The session was created for Alex Rivera, so "Smith" is a hard mismatch: ' +
      'ACCOUNT_COULD_NOT_BE_VERIFIED (recipient_verification, code 1105), one failed attempt.',
  },
  {
    id: 'account-700',
    label: 'Account not available (code 700)',
    destination: 'debit',
    testData: card('4000 0000 0000 0002'),
    expected: 'ACCOUNT_COULD_NOT_BE_VERIFIED with code 700: one failed attempt.',
  },
  {
    id: 'ach-777',
    label: 'ACH name/address failure (code 777)',
    destination: 'ach',
    testData: ach('000111111113'),
    expected: 'ACCOUNT_COULD_NOT_BE_VERIFIED with code 777: one failed attempt.',
  },
  {
    id: 'max-attempts',
    label: 'Max attempts: 3 per mount, 5 per session',
    destination: 'debit',
    testData: card('4000 0000 0000 0002'),
    expected:
      'Submit 3 times → TERMINAL_FAILURE; Continue → REAUTHORIZING and a fresh mount; ' +
      '2 more failures → MAX_VERIFICATION_ATTEMPTS_EXCEEDED, the session ends.',
  },
  {
    id: 'expired-url',
    label: 'Expired URL: mint, wait 31 s, then mount',
    destination: 'debit',
    testData: card('4000 0566 5566 5556'),
    expected:
      'After the countdown the SDK sees the URL expired, emits REAUTHORIZING (url_expired), ' +
      'asks the demo backend for a fresh URL and mounts it.',
    mountDelayMs: 31_000,
  },
];
