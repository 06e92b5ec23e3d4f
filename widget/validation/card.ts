import type { CARD_BRANDS } from '../../protocol/account';

/** A card brand as the protocol names it. */
export type CardBrand = (typeof CARD_BRANDS)[number];

/** Luhn (mod 10) check over ASCII digits. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Brand from the number's prefix (IIN ranges), enough to show a brand as the recipient types. */
export function cardBrandOf(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  return 'unknown';
}

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
  if (digits.length > 19 || !passesLuhn(digits)) return 'invalid';
  return null;
}
