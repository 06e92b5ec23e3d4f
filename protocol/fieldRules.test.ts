import { describe, expect, it } from 'vitest';
import { ZIP_CODE, isEmailAddress } from './fieldRules';
import { US_STATES, US_STATE_CODES, isUsStateCode } from './usStates';
import { accountSubmissionSchema } from './accountSubmission';

describe('shared field rules', () => {
  it('one email rule: a dotted letter domain, no spaces, no five-digit run in the domain', () => {
    expect(isEmailAddress('jane.doe@example.com')).toBe(true);
    expect(isEmailAddress('Jane@Example.COM')).toBe(true);
    expect(isEmailAddress('jane@localhost')).toBe(false);
    expect(isEmailAddress('ja ne@example.com')).toBe(false);
    expect(isEmailAddress('jane@4111111111.example.com')).toBe(false);
    expect(isEmailAddress(`${'a'.repeat(140)}@example.com`)).toBe(false);
  });

  it('ZIP code is 12345 or 12345-6789', () => {
    expect(['30313', '30313-1234'].every((z) => ZIP_CODE.test(z))).toBe(true);
    expect(['3031', '30313-12', '303131234'].some((z) => ZIP_CODE.test(z))).toBe(false);
  });

  it('57 US state codes with names, DC and the territories included', () => {
    expect(US_STATES).toHaveLength(57);
    expect(US_STATE_CODES).toHaveLength(57);
    expect(new Set(US_STATE_CODES).size).toBe(57);
    expect(['GA', 'DC', 'PR', 'UM'].every(isUsStateCode)).toBe(true);
    expect(isUsStateCode('XX')).toBe(false);
  });

  it('the widget API refuses a billing address whose state is not a code', () => {
    const submission = {
      funding_destination: 'debit',
      first_name: 'Jack',
      last_name: 'Frost',
      card_number: '4000056655665556',
      expiration_month: 12,
      expiration_year: 2030,
      address: { address_line1: '1 Main St', city: 'Atlanta', state: 'GA', zip_code: '30313' },
    };
    expect(accountSubmissionSchema.safeParse(submission).success).toBe(true);
    const wrong = { ...submission, address: { ...submission.address, state: 'XX' } };
    expect(accountSubmissionSchema.safeParse(wrong).success).toBe(false);
  });
});
