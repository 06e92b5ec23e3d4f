import type { CARD_BRANDS } from './account';

// Checks on account numbers that the widget and the service must agree on: the widget runs
// them before anything is sent, the service again because the browser is not a trust boundary.

/** A card brand (see `CARD_BRANDS`). */
export type CardBrand = (typeof CARD_BRANDS)[number];

/**
 * The Luhn (mod 10) check every payment card number carries. The widget checks it before
 * sending; the service checks again because the browser is not a trust boundary.
 */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
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

/**
 * The brand of a card from its leading digits (IIN ranges as published by the networks):
 * Visa 4; Mastercard 51–55 and 2221–2720; American Express 34, 37; Discover 6011, 644–649, 65.
 * Anything else is `unknown` — still a card, just not one we can name.
 */
export function cardBrandOf(digits: string): CardBrand {
  if (digits.startsWith('4')) return 'visa';
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  const three = Number(digits.slice(0, 3));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'mastercard';
  if (two === 34 || two === 37) return 'amex';
  if (digits.startsWith('6011') || (three >= 644 && three <= 649) || two === 65) return 'discover';
  return 'unknown';
}

/**
 * The ABA routing number check digit: weights 3, 7, 1 repeated over the nine digits, and
 * the weighted sum must be a multiple of 10. Catches every single-digit typo and most
 * transpositions, so the widget can reject a mistyped number before anything is sent.
 */
export function isRoutingNumberValid(routingNumber: string): boolean {
  if (!/^\d{9}$/.test(routingNumber)) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    sum += (routingNumber.charCodeAt(index) - 48) * (weights[index] ?? 0);
  }
  return sum % 10 === 0;
}
