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
