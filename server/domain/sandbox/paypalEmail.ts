/**
 * PayPal accounts linked by email address (PRODUCT.md §2: "PayPal: email or phone"). The
 * address is secret like an account number: only its masked form leaves the vault.
 */

/**
 * A practical address check, not RFC 5322: one `@`, a local part without spaces, a dotted
 * domain ending in letters. A domain with a run of five digits is refused because the domain
 * is shown in the masked form, which must never be able to carry an account number.
 */
const EMAIL = /^[^\s@•]{1,64}@(?!.*\d{5})[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/;

/** The canonical form used for the fingerprint and the vault: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** True for a normalized address the sandbox accepts. */
export function isAcceptedEmail(normalized: string): boolean {
  return normalized.length <= 150 && EMAIL.test(normalized);
}

/** `jane.doe@example.com` → `j•••@example.com` (the protocol's masked email display). */
export function maskEmail(normalized: string): string {
  const at = normalized.lastIndexOf('@');
  return `${normalized.slice(0, 1)}•••@${normalized.slice(at + 1)}`;
}
