import { digitsOnly } from './digits';

/** A parsed expiration date. */
export interface Expiry {
  month: number;
  /** Four-digit year. */
  year: number;
}

/** Why an expiry cannot be sent, as a key under `fields.expiration`. */
export type ExpiryProblem = 'required' | 'invalid' | 'expired';

/**
 * Formats what the recipient typed as `MM / YY`. A first digit that cannot start a month
 * (2–9, or 1 followed by 3–9) is the month itself: `5` → `05 / `, `530` → `05 / 30`. The
 * separator follows a complete month while typing forward; `deleting` leaves it out so
 * Backspace after `05 / ` removes the separator instead of putting it straight back.
 */
export function formatExpiry(typed: string, deleting = false): string {
  let digits = digitsOnly(typed);
  if (/^([2-9]|1[3-9])/.test(digits)) digits = `0${digits}`;
  digits = digits.slice(0, 4);
  if (digits.length < 2 || (digits.length === 2 && deleting)) return digits;
  return `${digits.slice(0, 2)} / ${digits.slice(2)}`;
}

/** Parses `MM/YY` (any digits, any separator); `null` when it is not a real month. */
export function parseExpiry(typed: string): Expiry | null {
  const digits = digitsOnly(typed);
  if (digits.length !== 4) return null;
  const month = Number(digits.slice(0, 2));
  if (month < 1 || month > 12) return null;
  return { month, year: 2000 + Number(digits.slice(2)) };
}

/** Validates an expiry against `now`; a card is valid through the last day of its month. */
export function expiryProblem(typed: string, now: Date = new Date()): ExpiryProblem | null {
  if (digitsOnly(typed).length === 0) return 'required';
  const expiry = parseExpiry(typed);
  if (!expiry) return 'invalid';
  const thisMonth = now.getFullYear() * 12 + now.getMonth();
  if (expiry.year * 12 + (expiry.month - 1) < thisMonth) return 'expired';
  return null;
}
