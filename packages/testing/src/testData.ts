/**
 * The sandbox's test data (PRODUCT.md §2, "Sandbox test data"): inputs with a fixed outcome,
 * so a merchant's CI can drive every path without a real account.
 */
export const testData = {
  /**
   * A recipient to create sessions with: the flows below type the same name and address, so
   * recipient verification (RVDM) passes. `email_address` is set because the sandbox program
   * enables PayPal, which makes it required (status 13400 without it).
   */
  recipient: {
    first_name: 'Jack',
    last_name: 'Frost',
    address_line1: '123 Main St',
    city: 'Atlanta',
    state: 'GA',
    zip_code: '30313',
    email_address: 'jack@example.com',
  },
  /** Debit cards that verify and tokenize. */
  debitCards: {
    /** Visa debit `4000 0566 5566 5556`. */
    visa: '4000056655665556',
    /** Mastercard debit `5200 8282 8282 8210`. */
    mastercard: '5200828282828210',
  },
  /** Credit cards that verify and tokenize. */
  creditCards: {
    /** Visa credit `4111 1111 1111 1111` (rejected on debit: not a debit card, not an attempt). */
    visa: '4111111111111111',
    /** Mastercard credit `5555 5555 5555 4444`. */
    mastercard: '5555555555554444',
  },
  /** `4000 0000 0000 0002`: account verification fails with code 700 (a failed attempt). */
  declinedCard: '4000000000000002',
  /** An expiry far enough ahead for every test card. */
  cardExpiration: { month: 12, year: 2034 },
  /** ACH accounts (routing `011000015`, Federal Reserve Bank of Boston). */
  ach: {
    /** Verifies and tokenizes. */
    verified: { routingNumber: '011000015', accountNumber: '000123456789' },
    /** Name/address verification fails with code 777 (a failed attempt). */
    failsVerification: { routingNumber: '011000015', accountNumber: '000111111113' },
  },
  /** A PayPal account linked by email; shown masked as `p•••@example.com`. */
  paypalEmail: 'payouts@example.com',
  /** A PayPal account linked by mobile number (10 digits); shown masked as `•••• 0123`. */
  paypalPhone: '4155550123',
  /** A biller of the shipped directory and an account number at it (any 4–40 digits). */
  billpay: {
    billerId: 'verizon_wireless',
    billerName: 'Verizon Wireless',
    accountNumber: '5551234567',
  },
} as const;

/** The shape of {@link testData}. */
export type TestData = typeof testData;
