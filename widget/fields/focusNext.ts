/**
 * Moves focus from a field the recipient just completed to the next one (`id`), as card
 * forms do. Only while typing at the end of the field: someone editing in the middle, or
 * pasting into a later field, keeps their place.
 */
export function focusNextField(from: HTMLInputElement, id: string): void {
  if (from.ownerDocument.activeElement !== from) return;
  from.ownerDocument.getElementById(id)?.focus();
}
