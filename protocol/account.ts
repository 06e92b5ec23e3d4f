import * as z from 'zod/mini';

/** Card brands the sandbox recognises from a number's prefix. */
export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'discover', 'unknown'] as const;

/** `•••• 1234`: the last four digits of a card or bank account number. */
const DIGITS_DISPLAY = /^•••• \d{4}$/;

/**
 * `j•••@example.com`: the first character of an email address, `•••`, and its domain. The
 * rest of the local part never appears, and the domain may hold no run of five digits, so
 * the display can carry neither a full email address nor a full account number.
 */
export const MASKED_EMAIL_DISPLAY = /^[^\s@•]•••@(?!.*\d{5})[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/**
 * What anyone outside the vault may see of an account: never more than the last four
 * digits, or for an email address (PayPal) its masked form. Shared by events, webhooks, the
 * widget API and the ops API.
 */
export const maskedAccountSchema = z
  .strictObject({
    /** Last four digits of the card or bank account number; absent for an email address. */
    last4: z.optional(z.string().check(z.regex(/^\d{4}$/))),
    /** Display form: `•••• 5556`, or `j•••@example.com` for an email address. */
    display: z.string().check(
      z.maxLength(160),
      z.refine((display) => DIGITS_DISPLAY.test(display) || MASKED_EMAIL_DISPLAY.test(display)),
    ),
    /** Card brand, for debit and credit. */
    brand: z.optional(z.enum(CARD_BRANDS)),
    /** Bank name from the routing directory, for ACH. */
    bank_name: z.optional(z.string().check(z.maxLength(100))),
    /** `checking` or `savings`, for ACH. */
    account_type: z.optional(z.enum(['checking', 'savings'])),
  })
  .check(
    // A number's display shows its last4; an email's display has no digits to show.
    z.refine(
      (account) =>
        DIGITS_DISPLAY.test(account.display)
          ? account.display === `•••• ${account.last4}`
          : account.last4 === undefined,
      { message: 'last4 must match a •••• display and be absent for an email display' },
    ),
  );

/** See {@link maskedAccountSchema}. */
export type MaskedAccount = z.infer<typeof maskedAccountSchema>;
