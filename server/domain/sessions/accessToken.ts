import { createHash, randomBytes } from 'node:crypto';

/** How long a mount's bearer token lasts: long enough for a slow recipient, short for a leak. */
export const ACCESS_TOKEN_TTL_MS = 60 * 60 * 1000;

/** A fresh random bearer token (returned once, never stored). */
export function newAccessToken(): string {
  return `tfa_${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps of a token. */
export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
