import { describe, expect, it } from 'vitest';
import { formatZipCode } from './zipCode';

describe('formatZipCode', () => {
  it('inserts the ZIP+4 hyphen after five digits typed on a keypad without one', () => {
    expect(formatZipCode('123456789')).toBe('12345-6789');
    expect(formatZipCode('123456')).toBe('12345-6');
  });
  it('keeps a five-digit ZIP and a typed or pasted ZIP+4 as they are', () => {
    expect(formatZipCode('02110')).toBe('02110');
    expect(formatZipCode('12345-6789')).toBe('12345-6789');
  });
  it('folds Arabic-Indic digits and drops anything that is not a digit, up to nine digits', () => {
    expect(formatZipCode('٠٢١١٠')).toBe('02110');
    expect(formatZipCode('12a34 5-67890123')).toBe('12345-6789');
  });
});
