import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveVaultKeys } from './vaultKeys';
import { seal, unseal } from './sealing';
import { fingerprintOf } from './fingerprint';
import { CUSTOMER_ACCOUNT_TOKEN_PATTERN, newCustomerAccountToken } from './tokens';
import { sealAccount } from './vault';

const keys = deriveVaultKeys(randomBytes(32));

describe('sealing (AES-256-GCM)', () => {
  it('round-trips a value under the same key and context', () =>
    expect(unseal(keys.encryption, seal(keys.encryption, 'payout', 'ctx'), 'ctx')).toBe('payout'));
  it('does not contain the plaintext and differs on every seal (random IV)', () => {
    const a = seal(keys.encryption, '4000056655665556', 'ctx');
    expect(a).not.toContain('4000056655665556');
    expect(a).not.toBe(seal(keys.encryption, '4000056655665556', 'ctx'));
  });
  it('refuses to open under another context, another key, or tampered bytes', () => {
    const sealed = seal(keys.encryption, 'payout', 'ctx');
    expect(() => unseal(keys.encryption, sealed, 'other')).toThrow();
    expect(() => unseal(deriveVaultKeys(randomBytes(32)).encryption, sealed, 'ctx')).toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'AB' : 'AA');
    expect(() => unseal(keys.encryption, tampered, 'ctx')).toThrow();
  });
});

describe('vault keys and fingerprints', () => {
  it('rejects a vault key that is not 32 bytes', () =>
    expect(() => deriveVaultKeys(randomBytes(16))).toThrow());
  it('derives distinct encryption and fingerprint keys', () =>
    expect(keys.encryption.equals(keys.fingerprint)).toBe(false));
  it('fingerprints the same account the same way, and depends on the key', () => {
    expect(fingerprintOf(keys.fingerprint, 'card:1')).toBe(
      fingerprintOf(keys.fingerprint, 'card:1'),
    );
    expect(fingerprintOf(keys.fingerprint, 'card:1')).not.toBe(
      fingerprintOf(keys.fingerprint, 'card:2'),
    );
    expect(fingerprintOf(keys.fingerprint, 'card:1')).not.toBe(
      fingerprintOf(randomBytes(32), 'card:1'),
    );
  });
});

describe('tokens', () => {
  it('issues tokens matching the protocol pattern, each different', () => {
    const token = newCustomerAccountToken();
    expect(token).toMatch(CUSTOMER_ACCOUNT_TOKEN_PATTERN);
    expect(token).not.toBe(newCustomerAccountToken());
  });
});

describe('sealAccount', () => {
  it('keeps the number only inside the encrypted payout', () => {
    const sealed = sealAccount(
      keys,
      { program: 'demo', participant_unique_id1: 'p1' },
      {
        funding_destination: 'debit',
        masked: { last4: '5556', display: '•••• 5556', brand: 'visa' },
        payout: {
          kind: 'card',
          card_number: '4000056655665556',
          expiration_month: 12,
          expiration_year: 2030,
          first_name: 'Ada',
          last_name: 'Lovelace',
        },
        identity: 'card:4000056655665556',
      },
    );
    expect(JSON.stringify(sealed)).not.toContain('4000056655665556');
    const payout = JSON.parse(unseal(keys.encryption, sealed.sealed_payout, 'demo\u0000p1'));
    expect(payout.card_number).toBe('4000056655665556');
  });
});
