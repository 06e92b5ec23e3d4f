import { hkdfSync } from 'node:crypto';

/** The two keys the vault uses, both derived from TOKENFRAME_VAULT_KEY. */
export interface VaultKeys {
  /** AES-256-GCM key for accounts at rest. */
  encryption: Buffer;
  /** HMAC-SHA256 key for account fingerprints. */
  fingerprint: Buffer;
}

/**
 * Derives separate keys with HKDF-SHA256, so the encryption key is never also used as a MAC
 * key (one key, one purpose). `vaultKey` must be 32 bytes.
 */
export function deriveVaultKeys(vaultKey: Buffer): VaultKeys {
  if (vaultKey.length !== 32)
    throw new Error('vault key must be 32 bytes (base64 of 32 random bytes)');
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', vaultKey, Buffer.alloc(0), info, 32));
  return {
    encryption: derive('tokenframe vault encryption v1'),
    fingerprint: derive('tokenframe vault fingerprint v1'),
  };
}
