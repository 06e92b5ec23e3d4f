/**
 * Format rules of the fields that both the widget (before anything is sent, PRODUCT.md §2)
 * and the service (session create, PRODUCT.md §1; the widget API) check, kept once.
 */

/** `12345` or `12345-6789`. */
export const ZIP_CODE = /^\d{5}(-\d{4})?$/;

/** A US phone number as ten digits, no punctuation. */
export const PHONE_NUMBER = /^\d{10}$/;

/** An ACH account number: 4 to 17 digits. */
export const ACH_ACCOUNT_NUMBER = /^\d{4,17}$/;

/** An ABA routing number's shape (its checksum is `isValidRoutingNumber`'s job). */
export const ROUTING_NUMBER = /^\d{9}$/;

/** Longest name, address line, city or email address (PRODUCT.md §1). */
export const TEXT_FIELD_MAX = 150;

/**
 * The one email rule: a practical check, not RFC 5322. One `@`, a local part without spaces,
 * a dotted domain ending in letters. A domain with a run of five digits is refused because
 * the domain is shown in the masked form, which must never be able to carry an account
 * number.
 */
export const EMAIL_ADDRESS =
  /^[^\s@•]{1,64}@(?!.*\d{5})[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** True for an email address {@link EMAIL_ADDRESS} accepts within {@link TEXT_FIELD_MAX}. */
export function isEmailAddress(value: string): boolean {
  return value.length <= TEXT_FIELD_MAX && EMAIL_ADDRESS.test(value);
}
