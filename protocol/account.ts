import * as z from 'zod/mini';

/** Card brands the sandbox recognises from a number's prefix. */
export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'discover', 'unknown'] as const;

/**
 * What anyone outside the vault may see of an account: never more than the last four
 * digits. Shared by events, webhooks, the widget API and the ops API.
 */
export const maskedAccountSchema = z.strictObject({
  /** Last four digits of the card or bank account number. */
  last4: z.string().check(z.regex(/^\d{4}$/)),
  /** Display form, e.g. `•••• 5556`. */
  display: z.string().check(z.regex(/^•••• \d{4}$/)),
  /** Card brand, for debit and credit. */
  brand: z.optional(z.enum(CARD_BRANDS)),
  /** Bank name from the routing directory, for ACH. */
  bank_name: z.optional(z.string().check(z.maxLength(100))),
  /** `checking` or `savings`, for ACH. */
  account_type: z.optional(z.enum(['checking', 'savings'])),
});

/** See {@link maskedAccountSchema}. */
export type MaskedAccount = z.infer<typeof maskedAccountSchema>;
