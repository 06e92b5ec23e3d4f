import { describe, expect, it } from 'vitest';
import { cardNumberProblem, formatCardNumber } from './card';

describe('card validation', () => {
  it.each(['4000056655665556', '5200828282828210', '4111111111111111', '4000000000000002'])(
    'sandbox number %s may be sent',
    (number) => expect(cardNumberProblem(number)).toBeNull(),
  );
  it('a number with one wrong digit fails Luhn', () => {
    expect(cardNumberProblem('4000056655665557')).toBe('invalid');
  });
  it('reports empty and short numbers distinctly', () => {
    expect(cardNumberProblem('')).toBe('required');
    expect(cardNumberProblem('40000566')).toBe('incomplete');
  });
  it('spaces numbers in groups of four, Amex as 4-6-5', () => {
    expect(formatCardNumber('4000056655665556')).toBe('4000 0566 5566 5556');
    expect(formatCardNumber('40000')).toBe('4000 0');
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005');
  });
});
