import { describe, expect, it } from 'vitest';
import { isLuhnValid } from './luhn';

describe('isLuhnValid', () => {
  it.each([
    '4000056655665556',
    '5200828282828210',
    '4111111111111111',
    '5555555555554444',
    '4000000000000002',
    '378282246310005',
  ])('accepts the valid number %s', (digits) => expect(isLuhnValid(digits)).toBe(true));
  it.each(['4000056655665557', '4111111111111112', '1234567812345678'])(
    'rejects the mistyped number %s',
    (digits) => expect(isLuhnValid(digits)).toBe(false),
  );
  it('rejects anything that is not only digits', () => {
    expect(isLuhnValid('4111 1111 1111 1111')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
  });
});
