-- PayPal by email (PRODUCT.md §2): an email account has no last four digits. Its masked display
-- (`j•••@example.com`) is kept beside the sealed payout; the address itself stays encrypted.
ALTER TABLE vault_accounts ALTER COLUMN last4 DROP NOT NULL;
ALTER TABLE vault_accounts ADD COLUMN display text;
