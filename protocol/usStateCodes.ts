/**
 * USPS codes accepted in `recipient_information.state` and in a typed billing address
 * (PRODUCT.md §1, §2): the 50 states, DC and the territories. Codes only, so the widget API
 * schema can check them without bundling the names (`usStates.ts` has those).
 */
export const US_STATE_CODES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'AS',
  'GU',
  'MP',
  'PR',
  'VI',
  'UM',
] as const;

/** One of the 57 {@link US_STATE_CODES}. */
export type UsStateCode = (typeof US_STATE_CODES)[number];

/** True for one of the 57 codes (a form's select value, a request field). */
export function isUsStateCode(value: string): value is UsStateCode {
  return (US_STATE_CODES as readonly string[]).includes(value);
}
