import * as z from 'zod';
import { LOCALES, THEME_VARIANTS } from '../../../protocol/constants';
import { isOrigin } from '../../domain/programs/program';
import {
  PHONE_NUMBER,
  TEXT_FIELD_MAX,
  ZIP_CODE,
  isEmailAddress,
} from '../../../protocol/fieldRules';
import { US_STATE_CODES } from '../../../protocol/usStates';
import { emptyRecord } from '../../http/inputGuard';

const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional strings accept "" as "not given", as the reference request does for address_line2. */
const optionalText = (max: number) => z.string().trim().max(max).optional();
const digits10 = z
  .string()
  .refine((v) => v === '' || PHONE_NUMBER.test(v), { message: 'must be exactly 10 digits' })
  .optional();
const absoluteUrl = z
  .string()
  .max(2048)
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
    message: 'must be an absolute http(s) URL',
  })
  .optional();

/** `recipient_information` of the create request (PRODUCT.md §1). */
export const recipientInformationSchema = z.strictObject({
  first_name: text(TEXT_FIELD_MAX),
  last_name: text(TEXT_FIELD_MAX),
  address_line1: text(TEXT_FIELD_MAX),
  address_line2: optionalText(TEXT_FIELD_MAX),
  city: text(TEXT_FIELD_MAX),
  state: z.enum(US_STATE_CODES, {
    message: 'must be a valid US state, DC or territory code (e.g. GA)',
  }),
  zip_code: z.string().regex(ZIP_CODE, { message: 'must be 12345 or 12345-6789' }),
  email_address: z
    .string()
    .max(TEXT_FIELD_MAX)
    .refine((v) => v === '' || isEmailAddress(v), { message: 'must be a valid email address' })
    .optional(),
  phone_number: digits10,
  mobile_number: digits10,
});

/**
 * Body of `POST /api/v1/sessions/point-in-time/plugin`. Unknown fields are errors. Rules that
 * depend on the program (allowlist, enabled languages, PayPal's email) are checked after this.
 */
export const createSessionRequestSchema = z.strictObject({
  participant_unique_id1: text(100),
  participant_unique_id2: optionalText(100),
  host_uri: z
    .string()
    .max(200)
    .refine(isOrigin, {
      message:
        'must be an origin: https://host[:port], or http:// for localhost and 127.0.0.1, without a path',
    })
    .optional(),
  language_locale_code: z
    .enum(LOCALES, { message: 'must be one of the 28 supported locale codes' })
    .optional(),
  theme_variant: z.enum(THEME_VARIANTS, { message: 'must be light or dark' }).optional(),
  success_redirect_url: absoluteUrl,
  error_redirect_url: absoluteUrl,
  recipient_information: recipientInformationSchema,
});

/** The validated create body. */
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

/** `data` of a 100/101 response. */
export const createSessionResponseDataSchema = z.strictObject({
  session_identifier: z.string(),
  authorized_url: z.string(),
  authorized_url_expiration_utc: z.string(),
  participant_unique_id1: z.string(),
  participant_unique_id2: z.string(),
});

/** Visible ASCII, 1–250 characters (PRODUCT.md §1). */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,250}$/, {
  message: 'must be 1–250 visible ASCII characters',
});

/** Turns zod issues into `{ "dotted.path": ["message", …] }`, every failing field at once. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const out = emptyRecord<string[]>();
  const add = (path: string, message: string) => (out[path] ??= []).push(message);
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const name = path || 'body';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        add(path ? `${path}.${key}` : key, `The ${key} field is not allowed.`);
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      add(name, `The ${name} field is required.`);
    } else if (issue.code === 'invalid_type') {
      add(
        name,
        `The ${name} field must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}.`,
      );
    } else if (issue.code === 'too_big') {
      add(name, `The ${name} field must be at most ${String(issue.maximum)} characters.`);
    } else if (issue.code === 'too_small') {
      add(name, `The ${name} field is required.`);
    } else {
      add(name, `The ${name} field ${issue.message}.`);
    }
  }
  return out;
}
