import { describe, expect, it } from 'vitest';
import {
  normalizeForComparison,
  verifyRecipient,
  type RvdmRules,
  type RvdmValues,
} from './recipientVerification';

const expected: RvdmValues = {
  first_name: 'Ada',
  last_name: "O'Brien-Smith",
  address_line1: '1 Main St.',
  address_line2: 'Apt 4',
  city: 'Boston',
  state: 'MA',
  zip_code: '02110-1234',
};
const allHard: RvdmRules = {
  first_name: 'hard',
  last_name: 'hard',
  address_line1: 'hard',
  address_line2: 'hard',
  city: 'hard',
  state: 'hard',
  zip_code: 'hard',
};

describe('normalizeForComparison', () => {
  it('ignores case, spaces, punctuation and accents', () => {
    expect(normalizeForComparison("  O'Brien-Smith ")).toBe(normalizeForComparison('obrien smith'));
    expect(normalizeForComparison('José')).toBe('jose');
  });
});

describe('verifyRecipient', () => {
  it('matches typed values that differ only in case, spacing, punctuation and ZIP+4 (1103)', () => {
    const outcome = verifyRecipient(
      {
        ...expected,
        first_name: ' ADA',
        last_name: 'obrien smith',
        address_line1: '1 main st',
        zip_code: '02110',
      },
      expected,
      allHard,
    );
    expect(outcome.result).toBe('match');
    expect(outcome.code).toBe('1103');
    expect(outcome.field_results.every((r) => r.is_matching)).toBe(true);
  });
  it('fails on a hard field mismatch and names the field (1105)', () => {
    const outcome = verifyRecipient({ ...expected, last_name: 'Byron' }, expected, allHard);
    expect(outcome).toMatchObject({
      result: 'hard_mismatch',
      code: '1105',
      hard_mismatched_fields: ['last_name'],
    });
  });
  it('passes a soft field mismatch and records it (1104)', () => {
    const outcome = verifyRecipient({ ...expected, address_line2: 'Unit 9' }, expected, {
      ...allHard,
      address_line2: 'soft',
    });
    expect(outcome.result).toBe('soft_mismatch');
    expect(outcome.code).toBe('1104');
    expect(outcome.field_results.find((r) => r.field_name === 'address_line2')).toEqual({
      field_name: 'address_line2',
      is_matching: false,
      hard_fail_on_mismatch: false,
    });
  });
  it('does not compare or list a bypassed field', () => {
    const outcome = verifyRecipient({ ...expected, city: 'Paris' }, expected, {
      ...allHard,
      city: 'bypass',
    });
    expect(outcome.result).toBe('match');
    expect(outcome.field_results.map((r) => r.field_name)).not.toContain('city');
  });
  it('treats a missing address_line2 on both sides as a match, and on one side as a mismatch', () => {
    const withoutLine2: RvdmValues = { ...expected, address_line2: undefined };
    expect(verifyRecipient(withoutLine2, withoutLine2, allHard).result).toBe('match');
    expect(verifyRecipient(withoutLine2, expected, allHard).hard_mismatched_fields).toEqual([
      'address_line2',
    ]);
  });
  it('compares ZIP codes by their first five digits', () => {
    expect(
      verifyRecipient({ ...expected, zip_code: '02111' }, expected, allHard).hard_mismatched_fields,
    ).toEqual(['zip_code']);
  });
  it('never puts a compared value into its result', () => {
    const outcome = verifyRecipient({ ...expected, last_name: 'Byron' }, expected, allHard);
    const text = JSON.stringify(outcome);
    for (const value of ['Byron', 'Brien', 'Boston', '02110', 'Main'])
      expect(text).not.toContain(value);
  });
});
