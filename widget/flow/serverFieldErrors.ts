import type { FundingDestination } from '../../protocol';
import type { AccountField } from '../fields/types';

/** The service's field names (`protocol/widgetApi.ts` bodies) → the form's field names. */
const SERVICE_FIELDS: Record<string, AccountField> = {
  expiration_date: 'expiration',
  expiration_month: 'expiration',
  expiration_year: 'expiration',
  email_address: 'paypal_email',
  phone_number: 'paypal_phone',
};

/** The i18n group of a form field's messages, where it differs from the field name. */
const MESSAGE_GROUPS: Partial<Record<AccountField, string>> = { biller_id: 'biller_search' };

/** The service's error codes (`server/domain/sandbox/checkAccount.ts`) → message names. */
const SERVICE_CODES: Record<string, string> = {
  invalid_card_number: 'invalid',
  card_expired: 'expired',
  invalid_routing_number: 'invalid',
  invalid_account_number: 'invalid',
};

/** BillPay's account number has its own message for the service's format check. */
const BILLER_CODES: Record<string, string> = { invalid_account_number: 'format' };

/**
 * Maps the service's field errors (`{ card_number: 'not_debit_card' }`, or
 * `address.zip_code: ['…']`) to the form's fields and i18n keys; a code without a message
 * gets a generic one, so the field is still marked.
 */
export function serverFieldErrors(
  fields: Record<string, string | string[]>,
  hasKey: (key: string) => boolean,
  destination?: FundingDestination,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, codes] of Object.entries(fields)) {
    const name = path.replace(/^address\./, '');
    // BillPay's `account_number` is the account at the biller, a field of its own here.
    const field =
      destination === 'billpay' && name === 'account_number'
        ? 'biller_account_number'
        : (SERVICE_FIELDS[name] ?? name);
    const raw = Array.isArray(codes) ? codes[0] : codes;
    const code = raw
      ? ((field === 'biller_account_number' ? BILLER_CODES[raw] : undefined) ??
        SERVICE_CODES[raw] ??
        raw)
      : '';
    const key = `fields.${MESSAGE_GROUPS[field as AccountField] ?? field}.${code}`;
    errors[field] = code && hasKey(key) ? key : 'fields.generic.invalid';
  }
  return errors;
}
