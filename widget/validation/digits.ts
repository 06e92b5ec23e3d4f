/**
 * Arabic-Indic (U+0660–0669) and Extended Arabic-Indic / Persian (U+06F0–06F9) digits, as
 * typed on ar-SA and fa-IR keyboards. The service accepts ASCII digits only, so every number
 * field folds them before validation (PRODUCT.md §6).
 */
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** Replaces Arabic-Indic and Persian digits with their ASCII equivalents; leaves the rest. */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/** Normalizes digits, then keeps only ASCII digits: what a number field sends. */
export function digitsOnly(text: string): string {
  return normalizeDigits(text).replace(/\D/g, '');
}
