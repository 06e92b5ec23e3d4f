import { createHmac } from 'node:crypto';

/**
 * A keyed fingerprint of an account's canonical identity (e.g. `card:<digits>`). Keyed with
 * HMAC-SHA256 because a plain hash of a 16-digit card number can be brute-forced offline.
 */
export function fingerprintOf(fingerprintKey: Buffer, identity: string): string {
  return createHmac('sha256', fingerprintKey).update(identity, 'utf8').digest('base64url');
}
