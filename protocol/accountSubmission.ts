import * as z from 'zod/mini';
import { VERIFICATION_FEATURES } from './constants';
import { maskedAccountSchema } from './account';
import {
  ACH_ACCOUNT_NUMBER,
  PHONE_NUMBER,
  ROUTING_NUMBER,
  TEXT_FIELD_MAX,
  ZIP_CODE,
} from './fieldRules';
import { US_STATE_CODES } from './usStates';
import { attemptsSchema } from './widgetApi';

// POST /account of the widget API (`widgetApi.ts`), in a file of its own: the widget needs
// these schemas only once the recipient submits the form, so they stay out of what it
// downloads before READY. Import them from here, not from the `protocol` index, which
// re-exports only their types (an index re-export would pull them into the widget's boot set).

const name = z.string().check(z.minLength(1), z.maxLength(TEXT_FIELD_MAX));

/** Billing address typed by the recipient; compared with recipient_information (RVDM). */
export const billingAddressSchema = z.strictObject({
  address_line1: name,
  address_line2: z.optional(z.string().check(z.maxLength(TEXT_FIELD_MAX))),
  city: name,
  state: z.enum(US_STATE_CODES),
  zip_code: z.string().check(z.regex(ZIP_CODE)),
});
export type BillingAddress = z.infer<typeof billingAddressSchema>;

const cardSubmission = {
  first_name: name,
  last_name: name,
  /** Digits only; the widget strips spaces and checks Luhn before sending. */
  card_number: z.string().check(z.regex(/^\d{12,19}$/)),
  expiration_month: z.int().check(z.minimum(1), z.maximum(12)),
  /** Four-digit year. */
  expiration_year: z.int().check(z.minimum(2000), z.maximum(2100)),
  address: billingAddressSchema,
};

/** POST /account: the account the recipient typed, by destination. */
export const accountSubmissionSchema = z.discriminatedUnion('funding_destination', [
  z.strictObject({ funding_destination: z.literal('debit'), ...cardSubmission }),
  z.strictObject({ funding_destination: z.literal('credit'), ...cardSubmission }),
  z.strictObject({
    funding_destination: z.literal('ach'),
    first_name: name,
    last_name: name,
    routing_number: z.string().check(z.regex(ROUTING_NUMBER)),
    account_number: z.string().check(z.regex(ACH_ACCOUNT_NUMBER)),
    account_type: z.enum(['checking', 'savings']),
    address: billingAddressSchema,
  }),
  z.strictObject({
    funding_destination: z.literal('paypal'),
    email_address: z.optional(z.string().check(z.maxLength(TEXT_FIELD_MAX))),
    phone_number: z.optional(z.string().check(z.regex(PHONE_NUMBER))),
  }),
  z.strictObject({
    funding_destination: z.literal('billpay'),
    biller_id: z.string().check(z.minLength(1), z.maxLength(50)),
    account_number: z.string().check(z.minLength(1), z.maxLength(40)),
  }),
]);
export type AccountSubmission = z.infer<typeof accountSubmissionSchema>;

/** Outcome of POST /account. */
export const accountOutcomeSchema = z.discriminatedUnion('result', [
  /** Passed both verifications: show the confirmation page. */
  z.strictObject({
    result: z.literal('verified'),
    account: maskedAccountSchema,
    attempts: attemptsSchema,
  }),
  /** Rejected before verification (e.g. a credit card on debit). Not an attempt. */
  z.strictObject({
    result: z.literal('invalid'),
    /** Field name → error key, e.g. `{ card_number: 'not_debit_card' }`. */
    fields: z.record(z.string(), z.string()),
  }),
  /** A failed attempt. `terminal` means the feature's per-mount limit is reached. */
  z.strictObject({
    result: z.literal('verification_failed'),
    feature: z.enum(VERIFICATION_FEATURES),
    /** Sandbox status code: `1105` RVDM hard mismatch, `700`, `777`. */
    code: z.string(),
    terminal: z.boolean(),
    attempts: attemptsSchema,
    /** RVDM only: the fields that did not match (names, never values). */
    mismatched_fields: z.optional(z.array(z.string())),
  }),
  /** The session's overall limit is reached; the session is now `max_attempts_exceeded`. */
  z.strictObject({ result: z.literal('max_attempts_exceeded') }),
]);
export type AccountOutcome = z.infer<typeof accountOutcomeSchema>;
