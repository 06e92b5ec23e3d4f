import { isEmailAddress } from '../../../protocol/fieldRules';

/**
 * PayPal accounts linked by email address (PRODUCT.md §2: "PayPal: email or phone"). The
 * address is secret like an account number: only its masked form leaves the vault.
 */

/** The canonical form used for the fingerprint and the vault: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** True for a normalized address the sandbox accepts. */
export function isAcceptedEmail(normalized: string): boolean {
  return isEmailAddress(normalized);
}

/** `jane.doe@example.com` → `j•••@example.com` (the protocol's masked email display). */
export function maskEmail(normalized: string): string {
  const at = normalized.lastIndexOf('@');
  return `${normalized.slice(0, 1)}•••@${normalized.slice(at + 1)}`;
}
