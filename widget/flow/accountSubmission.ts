import type { AccountSubmission, FundingDestination } from '../../protocol';
import type { AccountFormValues } from '../fields/types';
import { digitsOnly, normalizeDigits } from '../validation/digits';
import { parseExpiry } from '../validation/expiry';
import type { UsStateCode } from '../../protocol/usStates';

/**
 * The request body for a valid form (call `validateAccountForm` first). In the chunk after
 * READY with the rest of what a submit needs: nothing is sent before READY.
 */
export function toAccountSubmission(
  destination: FundingDestination,
  values: AccountFormValues,
): AccountSubmission {
  const address = {
    address_line1: values.address_line1.trim(),
    ...(values.address_line2.trim() ? { address_line2: values.address_line2.trim() } : {}),
    city: values.city.trim(),
    // fieldProblem refused anything but a code before the form could be sent.
    state: values.state as UsStateCode,
    zip_code: normalizeDigits(values.zip_code.trim()),
  };
  const name = { first_name: values.first_name.trim(), last_name: values.last_name.trim() };
  switch (destination) {
    case 'debit':
    case 'credit': {
      const expiry = parseExpiry(values.expiration);
      return {
        funding_destination: destination,
        ...name,
        card_number: digitsOnly(values.card_number),
        expiration_month: expiry?.month ?? 0,
        expiration_year: expiry?.year ?? 0,
        address,
      };
    }
    case 'ach':
      return {
        funding_destination: 'ach',
        ...name,
        routing_number: values.routing_number,
        account_number: values.account_number,
        account_type: values.account_type === 'savings' ? 'savings' : 'checking',
        address,
      };
    case 'paypal':
      return {
        funding_destination: 'paypal',
        ...(values.paypal_email.trim() ? { email_address: values.paypal_email.trim() } : {}),
        ...(values.paypal_phone ? { phone_number: values.paypal_phone } : {}),
      };
    case 'billpay':
      return {
        funding_destination: 'billpay',
        biller_id: values.biller_id,
        account_number: values.biller_account_number.trim(),
      };
  }
}
