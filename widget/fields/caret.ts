import { digitsOnly } from '../validation/digits';

/**
 * Where the caret belongs in `formatted` so that it sits after the same number of digits as
 * it did at `caret` in `typed`. Reformatting adds and removes separators (spaces, a slash)
 * around the caret; counting digits instead of characters keeps the caret on the digit the
 * recipient just typed or deleted. Arabic-Indic and Persian digits count as digits.
 */
export function caretAfterReformat(typed: string, caret: number, formatted: string): number {
  let digitsLeft = digitsOnly(typed.slice(0, caret)).length;
  if (digitsLeft === 0) return 0;
  for (let index = 0; index < formatted.length; index += 1) {
    if (/\d/.test(formatted.charAt(index))) digitsLeft -= 1;
    if (digitsLeft === 0) return index + 1;
  }
  return formatted.length;
}

/**
 * Shows `formatted` in the input right away and puts the caret back after the digit it
 * followed. Done here, during the input event, because the value Preact renders a moment
 * later is then already in place: Preact leaves an equal value alone, while assigning a new
 * value would throw the caret to the end (editing in the middle of a card number).
 */
export function showFormattedKeepingCaret(
  input: HTMLInputElement,
  typed: string,
  formatted: string,
): void {
  const caret = input.selectionStart;
  if (input.value !== formatted) input.value = formatted;
  if (caret === null || input.ownerDocument.activeElement !== input) return;
  const position = caretAfterReformat(typed, caret, formatted);
  input.setSelectionRange(position, position);
}
