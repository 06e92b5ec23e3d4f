/**
 * ABA routing number checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
 */
export function passesAbaChecksum(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const d = [...digits].map(Number) as number[];
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

/** Why a routing number cannot be sent, as a key under `fields.routing_number`. */
export type RoutingNumberProblem = 'required' | 'incomplete' | 'invalid';

/** Validates a routing number (ASCII digits); `null` when it may be sent. */
export function routingNumberProblem(digits: string): RoutingNumberProblem | null {
  if (digits.length === 0) return 'required';
  if (digits.length < 9) return 'incomplete';
  if (!passesAbaChecksum(digits)) return 'invalid';
  return null;
}
