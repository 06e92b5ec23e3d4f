import type { FundingDestination } from '../../protocol';
import type { AccountField, AccountFormValues, FieldErrors } from '../fields/types';
import {
  ACH_ACCOUNT_NUMBER,
  PHONE_NUMBER,
  ZIP_CODE,
  isEmailAddress,
} from '../../protocol/fieldRules';
import { isUsStateCode } from '../../protocol/usStates';
import { cardNumberProblem } from '../validation/card';
import { normalizeDigits } from '../validation/digits';
import { expiryProblem } from '../validation/expiry';
import { routingNumberProblem } from '../validation/routing';

const ADDRESS_FIELDS: AccountField[] = [
  'address_line1',
  'address_line2',
  'city',
  'state',
  'zip_code',
];
const CARD_FIELDS: AccountField[] = [
  'first_name',
  'last_name',
  'card_number',
  'expiration',
  ...ADDRESS_FIELDS,
];
const ACH_FIELDS: AccountField[] = [
  'first_name',
  'last_name',
  'routing_number',
  'account_number',
  'account_number_confirm',
  'account_type',
  ...ADDRESS_FIELDS,
];

/** The fields a destination's form shows, in page order (first invalid one gets focus). */
export function fieldsOf(destination: FundingDestination): AccountField[] {
  switch (destination) {
    case 'debit':
    case 'credit':
      return CARD_FIELDS;
    case 'ach':
      return ACH_FIELDS;
    case 'paypal':
      return ['paypal_email', 'paypal_phone'];
    case 'billpay':
      return ['biller_id', 'biller_account_number'];
  }
}

/** The problem of one field (an i18n key), or undefined when it may be sent. */
export function fieldProblem(
  field: AccountField,
  values: AccountFormValues,
  now: Date = new Date(),
): string | undefined {
  const value = values[field].trim();
  const required = (key: string) => (value === '' ? `fields.${key}.required` : undefined);
  switch (field) {
    case 'first_name':
    case 'last_name':
    case 'address_line1':
    case 'city':
    case 'account_type':
      return required(field);
    case 'state':
      // The select offers only valid codes; anything else is as good as no choice.
      return isUsStateCode(value) ? undefined : 'fields.state.required';
    case 'address_line2':
    case 'biller_name':
      return undefined;
    case 'zip_code':
      return (
        required(field) ??
        (ZIP_CODE.test(normalizeDigits(value)) ? undefined : 'fields.zip_code.invalid')
      );
    case 'card_number': {
      const problem = cardNumberProblem(value);
      return problem ? `fields.card_number.${problem}` : undefined;
    }
    case 'expiration': {
      const problem = expiryProblem(value, now);
      return problem ? `fields.expiration.${problem}` : undefined;
    }
    case 'routing_number': {
      const problem = routingNumberProblem(value);
      return problem ? `fields.routing_number.${problem}` : undefined;
    }
    case 'account_number':
      return (
        required(field) ??
        (ACH_ACCOUNT_NUMBER.test(value) ? undefined : 'fields.account_number.invalid')
      );
    case 'account_number_confirm':
      return (
        required(field) ??
        (value === values.account_number ? undefined : 'fields.account_number_confirm.mismatch')
      );
    case 'paypal_email':
      if (value === '') return values.paypal_phone ? undefined : 'fields.paypal_contact.required';
      return isEmailAddress(value) ? undefined : 'fields.paypal_email.invalid';
    case 'paypal_phone':
      if (value === '') return undefined;
      return PHONE_NUMBER.test(value) ? undefined : 'fields.paypal_phone.invalid';
    case 'biller_id':
      return value === '' ? 'fields.biller_search.required' : undefined;
    case 'biller_account_number':
      if (value.length > 40) return 'fields.biller_account_number.invalid';
      // The sandbox's billers take 4 to 40 digits (server/domain/sandbox/checkAccount.ts).
      return (
        required(field) ??
        (/^\d{4,40}$/.test(value) ? undefined : 'fields.biller_account_number.format')
      );
  }
}

/** Every problem of a destination's form; empty when the form may be sent. */
export function validateAccountForm(
  destination: FundingDestination,
  values: AccountFormValues,
  now: Date = new Date(),
): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fieldsOf(destination)) {
    const problem = fieldProblem(field, values, now);
    if (problem) errors[field] = problem;
  }
  return errors;
}
