import { describe, expect, it } from 'vitest';
import { isRoutingNumberValid } from './routingNumber';
import { BANK_DIRECTORY, bankNameOf } from './bankDirectory';

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
