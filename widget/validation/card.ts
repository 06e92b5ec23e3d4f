import { cardBrandOf, isLuhnValid } from '../../protocol/accountNumbers';

/** Groups digits as printed on the card: 4-6-5 for Amex, groups of four otherwise. */
export function formatCardNumber(digits: string): string {
  const groups = cardBrandOf(digits) === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let offset = 0;
  for (const size of groups) {
    if (offset >= digits.length) break;
    parts.push(digits.slice(offset, offset + size));
    offset += size;
  }
  return parts.join(' ');
}

/** Why a card number cannot be sent, as a key under `fields.card_number`. */
export type CardNumberProblem = 'required' | 'incomplete' | 'invalid';

/** Validates a card number (ASCII digits); `null` when it may be sent. */
export function cardNumberProblem(digits: string): CardNumberProblem | null {
  if (digits.length === 0) return 'required';
  if (digits.length < 12) return 'incomplete';
  if (digits.length > 19 || !isLuhnValid(digits)) return 'invalid';
  return null;
}
