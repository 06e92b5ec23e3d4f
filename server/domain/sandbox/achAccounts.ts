/**
 * ACH test accounts (PRODUCT.md §2). With any checksum-valid routing number:
 * `000111111113` fails with 777 (name/address did not match at the bank); every other
 * account number, `000123456789` included, is verified.
 */
export const ACH_FAILURES: Readonly<Record<string, '777'>> = {
  '000111111113': '777',
};

/** The sandbox failure code for an ACH account number, or `undefined` when it verifies. */
export function achFailureOf(accountNumber: string): '777' | undefined {
  return Object.hasOwn(ACH_FAILURES, accountNumber) ? ACH_FAILURES[accountNumber] : undefined;
}
