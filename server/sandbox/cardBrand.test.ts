import { describe, expect, it } from 'vitest';
import { cardBrandOf } from './cardBrand';

describe('cardBrandOf', () => {
  it.each([
    ['4000056655665556', 'visa'],
    ['5200828282828210', 'mastercard'],
    ['5555555555554444', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['6500000000000002', 'discover'],
    ['3530111333300000', 'unknown'],
  ])('names %s as %s from its prefix', (digits, brand) => expect(cardBrandOf(digits)).toBe(brand));
});
