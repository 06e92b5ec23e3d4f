-- The vault (PRODUCT.md §2 step 6). One row per tokenized account per
-- participant. Only `sealed_payout` holds account data, AES-256-GCM encrypted; `fingerprint`
-- is a keyed HMAC so the same account maps to the same token without storing the number.
CREATE TABLE vault_accounts (
  token text PRIMARY KEY,
  program text NOT NULL,
  participant_unique_id1 text NOT NULL,
  fingerprint text NOT NULL,
  funding_destination text NOT NULL,
  sealed_payout text NOT NULL,
  last4 text NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
  brand text,
  bank_name text,
  account_type text,
  created_at timestamptz NOT NULL,
  UNIQUE (program, participant_unique_id1, fingerprint)
);
