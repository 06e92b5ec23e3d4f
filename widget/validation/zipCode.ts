import { digitsOnly } from './digits';

/**
 * Formats a ZIP code as typed: digits only, with the ZIP+4 hyphen inserted after the fifth
 * digit. The field opens the numeric keypad, which on most phones has no hyphen key, so
 * typing nine digits must be enough for `12345-6789`.
 */
export function formatZipCode(typed: string): string {
  const digits = digitsOnly(typed).slice(0, 9);
  return digits.length > 5 ? `${digits.slice(0, 5)}-${digits.slice(5)}` : digits;
}
