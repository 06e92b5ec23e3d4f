import type { MaskedAccount } from '../../../protocol/account';
import type { FundingDestination } from '../../../protocol/constants';
import type { Store } from '../../storage/store';
import type { PayoutDetails } from '../sandbox/checkAccount';
import type { VaultKeys } from './vaultKeys';
import { seal } from './sealing';
import { fingerprintOf } from './fingerprint';
import { newCustomerAccountToken } from './tokens';

/** Whose account it is: tokens are unique per program and participant. */
export interface AccountOwner {
  program: string;
  participant_unique_id1: string;
}

/**
 * A verified account between /account and /confirm: what the mount row holds. The payout
 * details are already encrypted; the rest is safe to show (masked) or useless without the
 * key (fingerprint).
 */
export interface SealedAccount {
  funding_destination: FundingDestination;
  masked: MaskedAccount;
  fingerprint: string;
  sealed_payout: string;
}

function ownerContext(owner: AccountOwner): string {
  return `${owner.program}\u0000${owner.participant_unique_id1}`;
}

/** Encrypts a verified account for its owner. The plaintext never leaves this function. */
export function sealAccount(
  keys: VaultKeys,
  owner: AccountOwner,
  account: {
    funding_destination: FundingDestination;
    masked: MaskedAccount;
    payout: PayoutDetails;
    identity: string;
  },
): SealedAccount {
  return {
    funding_destination: account.funding_destination,
    masked: account.masked,
    fingerprint: fingerprintOf(
      keys.fingerprint,
      `${account.funding_destination}|${account.identity}`,
    ),
    sealed_payout: seal(keys.encryption, JSON.stringify(account.payout), ownerContext(owner)),
  };
}

/**
 * Stores the account and returns its `customer_account_token`. The same account (same
 * fingerprint) for the same owner returns the token it got the first time, even under
 * concurrent confirms: the unique key decides, and the loser reads the winner's token.
 */
export async function tokenize(
  tx: Store,
  owner: AccountOwner,
  account: SealedAccount,
  now: number,
): Promise<string> {
  const inserted = await tx.query<{ token: string }>(
    `INSERT INTO vault_accounts
       (token, program, participant_unique_id1, fingerprint, funding_destination, sealed_payout,
        last4, display, brand, bank_name, account_type, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (program, participant_unique_id1, fingerprint) DO NOTHING
     RETURNING token`,
    [
      newCustomerAccountToken(),
      owner.program,
      owner.participant_unique_id1,
      account.fingerprint,
      account.funding_destination,
      account.sealed_payout,
      account.masked.last4 ?? null,
      account.masked.display,
      account.masked.brand ?? null,
      account.masked.bank_name ?? null,
      account.masked.account_type ?? null,
      new Date(now).toISOString(),
    ],
  );
  if (inserted[0]) return inserted[0].token;
  const existing = await tx.query<{ token: string }>(
    `SELECT token FROM vault_accounts
      WHERE program = $1 AND participant_unique_id1 = $2 AND fingerprint = $3`,
    [owner.program, owner.participant_unique_id1, account.fingerprint],
  );
  if (!existing[0]) throw new Error('vault: account neither inserted nor found');
  return existing[0].token;
}
