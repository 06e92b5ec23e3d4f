import { describe, expect, it } from 'vitest';
import { cardBrandOf, isLuhnValid, isRoutingNumberValid } from './accountNumbers';
import { BANK_DIRECTORY, bankNameOf } from './bankDirectory';

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

describe('isRoutingNumberValid', () => {
  it('accepts the sandbox routing number 011000015', () =>
    expect(isRoutingNumberValid('011000015')).toBe(true));
  it.each(['011000016', '110000015', '12345678', 'abcdefghi'])('rejects %s', (value) =>
    expect(isRoutingNumberValid(value)).toBe(false),
  );
  it('accepts every routing number in the shipped bank directory', () => {
    for (const routingNumber of Object.keys(BANK_DIRECTORY))
      expect(isRoutingNumberValid(routingNumber)).toBe(true);
  });
});

describe('bankNameOf', () => {
  it('names 011000015 as the Federal Reserve Bank of Boston', () =>
    expect(bankNameOf('011000015')).toBe('Federal Reserve Bank of Boston'));
  it('returns undefined for a number the directory does not know', () =>
    expect(bankNameOf('000000000')).toBeUndefined());
  it('does not treat inherited object keys as banks', () =>
    expect(bankNameOf('toString')).toBeUndefined());
});
