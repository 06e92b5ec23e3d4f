/**
 * Recipient verification (RVDM, PRODUCT.md §2 step 3): the name and address the recipient
 * typed, compared field by field with the `recipient_information` the merchant sent at
 * session create. Each field has a program rule: `hard` (a mismatch fails the attempt),
 * `soft` (a mismatch passes and is recorded) or `bypass` (not compared).
 *
 * Results name fields, never values: they go into events, webhooks and API responses.
 */

/** The fields RVDM can compare, in display order. */
export const RVDM_FIELDS = [
  'first_name',
  'last_name',
  'address_line1',
  'address_line2',
  'city',
  'state',
  'zip_code',
] as const;

/** One of {@link RVDM_FIELDS}. */
export type RvdmField = (typeof RVDM_FIELDS)[number];

/** A field's rule: a hard mismatch fails the attempt, soft is recorded, bypass skips. */
export const RVDM_RULES = ['hard', 'soft', 'bypass'] as const;

/** How a field's mismatch is treated; one of {@link RVDM_RULES}. */
export type RvdmRule = (typeof RVDM_RULES)[number];

/** The program's rule per field. */
export type RvdmRules = Readonly<Record<RvdmField, RvdmRule>>;

/** Values of the compared fields; `address_line2` may be absent on either side. */
export type RvdmValues = Readonly<Record<Exclude<RvdmField, 'address_line2'>, string>> & {
  readonly address_line2?: string | undefined;
};

/** The result for one compared field (bypassed fields are not listed). */
export interface RvdmFieldResult {
  field_name: RvdmField;
  is_matching: boolean;
  hard_fail_on_mismatch: boolean;
}

/** Overall RVDM outcome, with the incumbent's status codes (1103 / 1104 / 1105). */
export interface RvdmOutcome {
  result: 'match' | 'soft_mismatch' | 'hard_mismatch';
  code: '1103' | '1104' | '1105';
  field_results: RvdmFieldResult[];
  /** Fields whose hard rule failed (empty unless `hard_mismatch`). */
  hard_mismatched_fields: RvdmField[];
}

/**
 * Case-, space-, punctuation- and accent-insensitive form: "O'Brien-Smith " and
 * "obrien smith" compare equal, so people are not failed for typing style.
 */
export function normalizeForComparison(value: string | undefined): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function comparable(field: RvdmField, value: string | undefined): string {
  // ZIP+4 and ZIP5 of the same place must match: compare the first five digits only.
  if (field === 'zip_code') return (value ?? '').replace(/\D/g, '').slice(0, 5);
  return normalizeForComparison(value);
}

/** Compares typed values with the session's recipient information under `rules`. */
export function verifyRecipient(
  typed: RvdmValues,
  expected: RvdmValues,
  rules: RvdmRules,
): RvdmOutcome {
  const fieldResults: RvdmFieldResult[] = [];
  for (const field of RVDM_FIELDS) {
    const rule = rules[field];
    if (rule === 'bypass') continue;
    fieldResults.push({
      field_name: field,
      is_matching: comparable(field, typed[field]) === comparable(field, expected[field]),
      hard_fail_on_mismatch: rule === 'hard',
    });
  }
  const hardMismatched = fieldResults
    .filter((r) => !r.is_matching && r.hard_fail_on_mismatch)
    .map((r) => r.field_name);
  const anyMismatch = fieldResults.some((r) => !r.is_matching);
  if (hardMismatched.length > 0) {
    return {
      result: 'hard_mismatch',
      code: '1105',
      field_results: fieldResults,
      hard_mismatched_fields: hardMismatched,
    };
  }
  return {
    result: anyMismatch ? 'soft_mismatch' : 'match',
    code: anyMismatch ? '1104' : '1103',
    field_results: fieldResults,
    hard_mismatched_fields: [],
  };
}
