import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, type AccountFormValues } from '../fields/types';
import { validateAccountForm } from './accountForm';
import { toAccountSubmission } from './accountSubmission';
import { serverFieldErrors } from './serverFieldErrors';
import enUS from '../../locales/en-US.json';

const NOW = new Date(2026, 10, 23);
const card: AccountFormValues = {
  ...EMPTY_FORM,
  first_name: 'Ada',
  last_name: 'Lovelace',
  card_number: '4000056655665556',
  expiration: '12/29',
  address_line1: '1 Main St',
  city: 'Boston',
  state: 'MA',
  zip_code: '02110-1234',
};

function hasKey(key: string): boolean {
  let node: unknown = enUS;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string';
}

describe('validateAccountForm', () => {
  it('accepts a complete debit form', () => {
    expect(validateAccountForm('debit', card, NOW)).toEqual({});
  });
  it('rejects a ZIP that is neither 12345 nor 12345-6789', () => {
    expect(validateAccountForm('debit', { ...card, zip_code: '0211' }, NOW)).toEqual({
      zip_code: 'fields.zip_code.invalid',
    });
  });
  it('accepts a ZIP typed in Persian digits and sends it in ASCII', () => {
    const values = { ...card, zip_code: '۰۲۱۱۰' };
    expect(validateAccountForm('debit', values, NOW)).toEqual({});
    const submission = toAccountSubmission('debit', values);
    expect(submission.funding_destination === 'debit' && submission.address.zip_code).toBe('02110');
  });
  it('needs an email or a phone for PayPal, not both', () => {
    expect(validateAccountForm('paypal', EMPTY_FORM, NOW)).toEqual({
      paypal_email: 'fields.paypal_contact.required',
    });
    expect(
      validateAccountForm('paypal', { ...EMPTY_FORM, paypal_phone: '5555550100' }, NOW),
    ).toEqual({});
  });
  it('asks for 4 to 40 digits at the biller', () => {
    const values = { ...EMPTY_FORM, biller_id: 'att', biller_account_number: '12-ab' };
    expect(validateAccountForm('billpay', values, NOW)).toEqual({
      biller_account_number: 'fields.biller_account_number.format',
    });
  });
  it('needs a biller and an account number for BillPay', () => {
    expect(validateAccountForm('billpay', EMPTY_FORM, NOW)).toEqual({
      biller_id: 'fields.biller_search.required',
      biller_account_number: 'fields.biller_account_number.required',
    });
  });
});

describe('serverFieldErrors', () => {
  it('maps every error code the sandbox returns to an existing message', () => {
    const errors = serverFieldErrors(
      {
        card_number: 'not_debit_card',
        expiration_date: 'card_expired',
        routing_number: 'invalid_routing_number',
        account_number: 'invalid_account_number',
        biller_id: 'unknown_biller',
        email_address: 'email_not_supported',
        phone_number: 'required',
      },
      hasKey,
    );
    expect(errors).toEqual({
      card_number: 'fields.card_number.not_debit_card',
      expiration: 'fields.expiration.expired',
      routing_number: 'fields.routing_number.invalid',
      account_number: 'fields.account_number.invalid',
      biller_id: 'fields.biller_search.unknown_biller',
      paypal_email: 'fields.paypal_email.email_not_supported',
      paypal_phone: 'fields.paypal_phone.required',
    });
  });
  it('puts a BillPay account number error on the biller account field', () => {
    expect(
      serverFieldErrors({ account_number: 'invalid_account_number' }, hasKey, 'billpay'),
    ).toEqual({
      biller_account_number: 'fields.biller_account_number.format',
    });
  });
  it('strips the address prefix and falls back to a generic message for unknown codes', () => {
    expect(serverFieldErrors({ 'address.zip_code': ['weird'] }, hasKey)).toEqual({
      zip_code: 'fields.generic.invalid',
    });
  });
});
