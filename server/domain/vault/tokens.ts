import { randomBytes } from 'node:crypto';

/** Matches the protocol's `customer_account_token` pattern (`cat_` + 16–64 url-safe chars). */
export const CUSTOMER_ACCOUNT_TOKEN_PATTERN = /^cat_[A-Za-z0-9_-]{16,64}$/;

/** A new random token: `cat_` + 32 base64url characters (192 bits). Carries no account data. */
export function newCustomerAccountToken(): string {
  return `cat_${randomBytes(24).toString('base64url')}`;
}
