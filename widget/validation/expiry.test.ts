import { describe, expect, it } from 'vitest';
import { expiryProblem, formatExpiry, parseExpiry } from './expiry';

const NOW = new Date(2026, 10, 23);

describe('expiry', () => {
  it('inserts the separator after the month', () => {
    expect(formatExpiry('1229')).toBe('12 / 29');
    expect(formatExpiry('12')).toBe('12 / ');
    expect(formatExpiry('1')).toBe('1');
  });
  it('reads a first digit that cannot start a month as the month', () => {
    expect(formatExpiry('5')).toBe('05 / ');
    expect(formatExpiry('530')).toBe('05 / 30');
    expect(formatExpiry('13')).toBe('01 / 3');
  });
  it('drops the separator while deleting, so Backspace is not undone', () => {
    expect(formatExpiry('05 /', true)).toBe('05');
  });
  it('parses Persian digits', () => {
    expect(parseExpiry('۰۴/۲۹')).toEqual({ month: 4, year: 2029 });
  });
  it('rejects month 13 as invalid', () => {
    expect(expiryProblem('13/29', NOW)).toBe('invalid');
  });
  it('treats the current month as still valid and the previous one as expired', () => {
    expect(expiryProblem('11/26', NOW)).toBeNull();
    expect(expiryProblem('10/26', NOW)).toBe('expired');
  });
  it('reports an empty field as required', () => {
    expect(expiryProblem('', NOW)).toBe('required');
  });
});
