/**
 * Which cards the sandbox treats as debit, credit, or unavailable (PRODUCT.md §2 test data).
 *
 * Exact test numbers win; any other number is classified by its six-digit BIN: the BINs of
 * the two debit test cards (400005, 520082) are debit, every other BIN is credit. So another
 * Luhn-valid `4000 05…` number behaves like a debit card, and a random Luhn-valid number is
 * a credit card (rejected on `debit`, verified on `credit`).
 */

/** How the sandbox's card network answers for one number. */
export type CardProfile =
  | { kind: 'debit' | 'credit' }
  /** The number passes as either kind, then fails verification with this code. */
  | { kind: 'any'; failureCode: '700' };

const EXACT_TEST_CARDS: Readonly<Record<string, CardProfile>> = {
  '4000056655665556': { kind: 'debit' },
  '5200828282828210': { kind: 'debit' },
  '4111111111111111': { kind: 'credit' },
  '5555555555554444': { kind: 'credit' },
  '4000000000000002': { kind: 'any', failureCode: '700' },
};

const DEBIT_BINS: ReadonlySet<string> = new Set(['400005', '520082']);

/** The sandbox profile of a (Luhn-valid) card number. */
export function cardProfileOf(cardNumber: string): CardProfile {
  const exact = EXACT_TEST_CARDS[cardNumber];
  if (exact) return exact;
  return { kind: DEBIT_BINS.has(cardNumber.slice(0, 6)) ? 'debit' : 'credit' };
}
