import type { CARD_BRANDS } from '../../protocol/account';

/** A card brand the sandbox recognises (see protocol `CARD_BRANDS`). */
export type CardBrand = (typeof CARD_BRANDS)[number];

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
