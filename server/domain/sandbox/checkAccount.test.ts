import { describe, expect, it } from 'vitest';
import type { AccountSubmission, BillingAddress } from '../../../protocol/accountSubmission';
import { maskedAccountSchema } from '../../../protocol/account';
import { ACCOUNT_FIELD_ERRORS, checkAccount } from './checkAccount';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const address: BillingAddress = {
  address_line1: '1 Main St',
  city: 'Boston',
  state: 'MA',
  zip_code: '02110',
};

function card(
  destination: 'debit' | 'credit',
  card_number: string,
  month = 12,
  year = 2030,
): AccountSubmission {
  return {
    funding_destination: destination,
    first_name: 'Ada',
    last_name: 'Lovelace',
    card_number,
    expiration_month: month,
    expiration_year: year,
    address,
  };
}

function ach(account_number: string, routing_number = '011000015'): AccountSubmission {
  return {
    funding_destination: 'ach',
    first_name: 'Ada',
    last_name: 'Lovelace',
    routing_number,
    account_number,
    account_type: 'checking',
    address,
  };
}

describe('checkAccount: PRODUCT.md §2 sandbox table', () => {
  it.each(['4000056655665556', '5200828282828210'])(
    'passes the debit card %s on debit with no failure',
    (number) => {
      const check = checkAccount(card('debit', number), NOW);
      expect(check.ok && check.account.failureCode).toBe(undefined);
      expect(check.ok).toBe(true);
    },
  );
  it('rejects 4111 1111 1111 1111 on debit as not a debit card', () =>
    expect(checkAccount(card('debit', '4111111111111111'), NOW)).toEqual({
      ok: false,
      fields: { card_number: 'not_debit_card' },
    }));
  it.each(['debit', 'credit'] as const)(
    'passes 4000 0000 0000 0002 on %s, to fail verification with 700',
    (dest) => {
      const check = checkAccount(card(dest, '4000000000000002'), NOW);
      expect(check.ok && check.account.failureCode).toBe('700');
    },
  );
  it.each(['4111111111111111', '5555555555554444'])(
    'passes the credit card %s on credit',
    (number) => {
      const check = checkAccount(card('credit', number), NOW);
      expect(check.ok).toBe(true);
      expect(check.ok && check.account.failureCode).toBe(undefined);
    },
  );
  it('passes ACH 011000015 / 000123456789 with the bank name', () => {
    const check = checkAccount(ach('000123456789'), NOW);
    expect(check.ok && check.account.failureCode).toBe(undefined);
    expect(check.ok && check.account.masked).toEqual({
      last4: '6789',
      display: '•••• 6789',
      bank_name: 'Federal Reserve Bank of Boston',
      account_type: 'checking',
    });
  });
  it('passes ACH 000111111113, to fail verification with 777', () => {
    const check = checkAccount(ach('000111111113'), NOW);
    expect(check.ok && check.account.failureCode).toBe('777');
  });
  it('rejects a card number failing Luhn', () =>
    expect(checkAccount(card('debit', '4000056655665557'), NOW)).toEqual({
      ok: false,
      fields: { card_number: 'invalid_card_number' },
    }));
  it('rejects a routing number failing the checksum', () =>
    expect(checkAccount(ach('000123456789', '011000016'), NOW)).toEqual({
      ok: false,
      fields: { routing_number: 'invalid_routing_number' },
    }));
});

describe('checkAccount: other inputs (documented sandbox behaviour)', () => {
  it('treats another Luhn-valid number on a debit test BIN (400005…) as debit', () =>
    expect(checkAccount(card('debit', '4000056655665564'), NOW).ok).toBe(true));
  it('treats a Luhn-valid number on any other BIN as credit', () => {
    expect(checkAccount(card('debit', '4242424242424242'), NOW)).toEqual({
      ok: false,
      fields: { card_number: 'not_debit_card' },
    });
    expect(checkAccount(card('credit', '4242424242424242'), NOW).ok).toBe(true);
  });
  it('rejects a debit card on credit as not a credit card', () =>
    expect(checkAccount(card('credit', '4000056655665556'), NOW)).toEqual({
      ok: false,
      fields: { card_number: 'not_credit_card' },
    }));
  it('rejects a card whose expiration month has passed, but not one expiring this month', () => {
    expect(checkAccount(card('debit', '4000056655665556', 10, 2026), NOW)).toEqual({
      ok: false,
      fields: { expiration_date: 'card_expired' },
    });
    expect(checkAccount(card('debit', '4000056655665556', 11, 2026), NOW).ok).toBe(true);
  });
  it('names the brand of a card and never keeps more than the last four digits in the masked form', () => {
    const check = checkAccount(card('debit', '5200828282828210'), NOW);
    expect(check.ok && check.account.masked).toEqual({
      last4: '8210',
      display: '•••• 8210',
      brand: 'mastercard',
    });
  });
  it('accepts a checksum-valid routing number outside the directory, without a bank name', () => {
    const check = checkAccount(ach('000123456789', '123456780'), NOW);
    expect(check.ok && check.account.masked.bank_name).toBe(undefined);
  });
  it('links PayPal by phone, masked to its last four digits', () => {
    const check = checkAccount({ funding_destination: 'paypal', phone_number: '6175550100' }, NOW);
    expect(check.ok && check.account.masked).toEqual({ last4: '0100', display: '•••• 0100' });
    expect(checkAccount({ funding_destination: 'paypal' }, NOW)).toEqual({
      ok: false,
      fields: { phone_number: 'required' },
    });
  });
  it('links PayPal by email: masked display, lower-cased identity and payout, no last4', () => {
    const check = checkAccount(
      { funding_destination: 'paypal', email_address: '  Jane.Doe@Example.COM ' },
      NOW,
    );
    if (!check.ok) throw new Error('expected ok');
    expect(check.account.masked).toEqual({ display: 'j•••@example.com' });
    expect(maskedAccountSchema.parse(check.account.masked)).toEqual(check.account.masked);
    expect(check.account.payout).toEqual({ kind: 'paypal', email_address: 'jane.doe@example.com' });
    expect(check.account.identity).toBe('paypal:email:jane.doe@example.com');
  });
  it('links by phone when both are sent', () => {
    const check = checkAccount(
      { funding_destination: 'paypal', email_address: 'a@b.example', phone_number: '6175550100' },
      NOW,
    );
    expect(check.ok && check.account.payout).toEqual({
      kind: 'paypal',
      phone_number: '6175550100',
    });
  });
  it.each(['no-at-sign', 'a@b', 'a b@example.com', '@example.com', 'a@4111111111111111.com'])(
    'rejects the PayPal email %j as invalid_email_address (not an attempt)',
    (email_address) => {
      expect(checkAccount({ funding_destination: 'paypal', email_address }, NOW)).toEqual({
        ok: false,
        fields: { email_address: 'invalid_email_address' },
      });
    },
  );
  it('accepts BillPay for a known biller and a numeric account, and names the biller', () => {
    const check = checkAccount(
      { funding_destination: 'billpay', biller_id: 'geico', account_number: '12345678' },
      NOW,
    );
    expect(check.ok && check.account.masked).toEqual({
      last4: '5678',
      display: '•••• 5678',
      bank_name: 'GEICO',
    });
    expect(
      checkAccount({ funding_destination: 'billpay', biller_id: 'nope', account_number: 'x' }, NOW),
    ).toEqual({
      ok: false,
      fields: { biller_id: 'unknown_biller', account_number: 'invalid_account_number' },
    });
  });
  it('only ever returns error keys listed in ACCOUNT_FIELD_ERRORS', () => {
    const submissions: AccountSubmission[] = [
      card('debit', '4111111111111111'),
      card('credit', '4000056655665556', 1, 2001),
      card('debit', '1'.repeat(16)),
      ach('1', '000000001'),
      { funding_destination: 'paypal', email_address: 'a@b' },
      { funding_destination: 'paypal' },
      { funding_destination: 'billpay', biller_id: 'x', account_number: 'y' },
    ];
    for (const submission of submissions) {
      const check = checkAccount(submission, NOW);
      if (check.ok) throw new Error('expected invalid');
      for (const [field, key] of Object.entries(check.fields)) {
        expect((ACCOUNT_FIELD_ERRORS as Record<string, readonly string[]>)[field]).toContain(key);
      }
    }
  });
});
