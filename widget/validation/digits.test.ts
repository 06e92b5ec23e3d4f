import { describe, expect, it } from 'vitest';
import { digitsOnly, normalizeDigits } from './digits';

describe('normalizeDigits', () => {
  it('folds Arabic-Indic digits to ASCII', () => {
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });
  it('folds Persian digits to ASCII', () => {
    expect(normalizeDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });
  it('leaves other characters alone', () => {
    expect(normalizeDigits('4000 ab-12')).toBe('4000 ab-12');
  });
  it('digitsOnly keeps normalized digits and drops separators', () => {
    expect(digitsOnly('۴۰۰۰ ٠٥٦٦-5566')).toBe('400005665566');
  });
});
