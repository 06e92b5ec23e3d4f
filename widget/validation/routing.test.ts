import { describe, expect, it } from 'vitest';
import { routingNumberProblem } from './routing';

describe('routing number', () => {
  it('accepts the sandbox routing number 011000015', () => {
    expect(routingNumberProblem('011000015')).toBeNull();
  });
  it('rejects a number failing the ABA checksum', () => {
    expect(routingNumberProblem('011000016')).toBe('invalid');
  });
  it('reports short and empty numbers', () => {
    expect(routingNumberProblem('0110')).toBe('incomplete');
    expect(routingNumberProblem('')).toBe('required');
  });
});
