import { isRoutingNumberValid } from '../../protocol/accountNumbers';

/** Why a routing number cannot be sent, as a key under `fields.routing_number`. */
export type RoutingNumberProblem = 'required' | 'incomplete' | 'invalid';

/** Validates a routing number (ASCII digits); `null` when it may be sent. */
export function routingNumberProblem(digits: string): RoutingNumberProblem | null {
  if (digits.length === 0) return 'required';
  if (digits.length < 9) return 'incomplete';
  if (!isRoutingNumberValid(digits)) return 'invalid';
  return null;
}
