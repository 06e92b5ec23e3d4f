import type { AccountSubmission, BillingAddress } from '../../../protocol/accountSubmission';
import type { MaskedAccount } from '../../../protocol/account';
import type { FundingDestination } from '../../../protocol/constants';
import { cardProfileOf, type CardProfile } from './testCards';
import { cardBrandOf, isLuhnValid, isRoutingNumberValid } from '../../../protocol/accountNumbers';
import { bankNameOf } from '../../../protocol/bankDirectory';
import { billerById } from './billerDirectory';
import { achFailureOf } from './achAccounts';
import { isAcceptedEmail, maskEmail, normalizeEmail } from './paypalEmail';

/**
 * Error keys `checkAccount` returns in `fields` (the `invalid` outcome). The widget maps
 * each to a translated message next to the field of the same name.
 */
export const ACCOUNT_FIELD_ERRORS = {
  card_number: ['invalid_card_number', 'not_debit_card', 'not_credit_card'],
  expiration_date: ['card_expired'],
  routing_number: ['invalid_routing_number'],
  account_number: ['invalid_account_number'],
  biller_id: ['unknown_biller'],
  email_address: ['invalid_email_address'],
  phone_number: ['required'],
} as const;

/** Field name → error key, as in the protocol's `invalid` outcome. */
export type AccountFieldErrors = Record<string, string>;

/** What a later payout needs: encrypted before it is stored anywhere. */
export type PayoutDetails =
  | {
      kind: 'card';
      card_number: string;
      expiration_month: number;
      expiration_year: number;
      first_name: string;
      last_name: string;
    }
  | {
      kind: 'ach';
      routing_number: string;
      account_number: string;
      account_type: 'checking' | 'savings';
      first_name: string;
      last_name: string;
    }
  | { kind: 'paypal'; phone_number: string }
  | { kind: 'paypal'; email_address: string }
  | { kind: 'billpay'; biller_id: string; account_number: string };

/** The name and address the recipient typed, for recipient verification (RVDM). */
export interface TypedRecipient {
  first_name: string;
  last_name: string;
  address: BillingAddress;
}

/** An account that passed the format checks and now awaits verification. */
export interface CandidateAccount {
  funding_destination: FundingDestination;
  masked: MaskedAccount;
  payout: PayoutDetails;
  /** Canonical identity of the account, input of the keyed fingerprint. Secret. */
  identity: string;
  /** Present for debit, credit and ACH; PayPal and BillPay carry no name or address. */
  recipient?: TypedRecipient;
  /** The sandbox failure this account will produce at verification, if any. */
  failureCode?: '700' | '777';
}

/** Result of {@link checkAccount}. */
export type AccountCheck =
  { ok: true; account: CandidateAccount } | { ok: false; fields: AccountFieldErrors };

function masked(digits: string, extra: Omit<MaskedAccount, 'last4' | 'display'>): MaskedAccount {
  const last4 = digits.slice(-4);
  return { last4, display: `•••• ${last4}`, ...extra };
}

function isExpired(month: number, year: number, now: number): boolean {
  const today = new Date(now);
  // A card is good through the last day of its expiration month.
  return year * 12 + month < today.getUTCFullYear() * 12 + today.getUTCMonth() + 1;
}

function kindMismatch(profile: CardProfile, destination: 'debit' | 'credit'): string | undefined {
  if (profile.kind === 'any' || profile.kind === destination) return undefined;
  return destination === 'debit' ? 'not_debit_card' : 'not_credit_card';
}

/**
 * Format and eligibility checks that run before any verification: Luhn, expiry, debit vs
 * credit, routing checksum, known biller. A failure here is NOT an attempt (PRODUCT.md §2:
 * a credit card on debit is rejected in the flow). `now` is epoch ms.
 */
export function checkAccount(submission: AccountSubmission, now: number): AccountCheck {
  switch (submission.funding_destination) {
    case 'debit':
    case 'credit': {
      const digits = submission.card_number;
      if (!isLuhnValid(digits))
        return { ok: false, fields: { card_number: 'invalid_card_number' } };
      const fields: AccountFieldErrors = {};
      if (isExpired(submission.expiration_month, submission.expiration_year, now)) {
        fields.expiration_date = 'card_expired';
      }
      const profile = cardProfileOf(digits);
      const mismatch = kindMismatch(profile, submission.funding_destination);
      if (mismatch) fields.card_number = mismatch;
      if (Object.keys(fields).length > 0) return { ok: false, fields };
      return {
        ok: true,
        account: {
          funding_destination: submission.funding_destination,
          masked: masked(digits, { brand: cardBrandOf(digits) }),
          payout: {
            kind: 'card',
            card_number: digits,
            expiration_month: submission.expiration_month,
            expiration_year: submission.expiration_year,
            first_name: submission.first_name,
            last_name: submission.last_name,
          },
          identity: `card:${digits}`,
          recipient: {
            first_name: submission.first_name,
            last_name: submission.last_name,
            address: submission.address,
          },
          ...(profile.kind === 'any' ? { failureCode: profile.failureCode } : {}),
        },
      };
    }
    case 'ach': {
      if (!isRoutingNumberValid(submission.routing_number)) {
        return { ok: false, fields: { routing_number: 'invalid_routing_number' } };
      }
      const bankName = bankNameOf(submission.routing_number);
      const failureCode = achFailureOf(submission.account_number);
      return {
        ok: true,
        account: {
          funding_destination: 'ach',
          masked: masked(submission.account_number, {
            account_type: submission.account_type,
            ...(bankName ? { bank_name: bankName } : {}),
          }),
          payout: {
            kind: 'ach',
            routing_number: submission.routing_number,
            account_number: submission.account_number,
            account_type: submission.account_type,
            first_name: submission.first_name,
            last_name: submission.last_name,
          },
          identity: `ach:${submission.routing_number}:${submission.account_number}`,
          recipient: {
            first_name: submission.first_name,
            last_name: submission.last_name,
            address: submission.address,
          },
          ...(failureCode ? { failureCode } : {}),
        },
      };
    }
    case 'paypal': {
      // Either identifies the PayPal account; when both are sent the phone number links it.
      const phone = submission.phone_number;
      if (phone !== undefined) {
        return {
          ok: true,
          account: {
            funding_destination: 'paypal',
            masked: masked(phone, {}),
            payout: { kind: 'paypal', phone_number: phone },
            identity: `paypal:${phone}`,
          },
        };
      }
      if (submission.email_address === undefined)
        return { ok: false, fields: { phone_number: 'required' } };
      const email = normalizeEmail(submission.email_address);
      if (!isAcceptedEmail(email))
        return { ok: false, fields: { email_address: 'invalid_email_address' } };
      return {
        ok: true,
        account: {
          funding_destination: 'paypal',
          // The masked email (`j•••@example.com`) has no last four digits to show.
          masked: { display: maskEmail(email) },
          payout: { kind: 'paypal', email_address: email },
          // Lower case, so `Jane@Example.com` and `jane@example.com` get the same token.
          identity: `paypal:email:${email}`,
        },
      };
    }
    case 'billpay': {
      const biller = billerById(submission.biller_id);
      const fields: AccountFieldErrors = {};
      if (!biller) fields.biller_id = 'unknown_biller';
      if (!/^\d{4,40}$/.test(submission.account_number))
        fields.account_number = 'invalid_account_number';
      if (!biller || Object.keys(fields).length > 0) return { ok: false, fields };
      return {
        ok: true,
        account: {
          funding_destination: 'billpay',
          // The biller's name fills the "bank" slot of the masked account on confirmation.
          masked: masked(submission.account_number, { bank_name: biller.name.slice(0, 100) }),
          payout: {
            kind: 'billpay',
            biller_id: biller.id,
            account_number: submission.account_number,
          },
          identity: `billpay:${biller.id}:${submission.account_number}`,
        },
      };
    }
  }
}
