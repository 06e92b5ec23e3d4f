/** Values of the account entry form, as typed (numbers already folded to ASCII digits). */
export interface AccountFormValues {
  first_name: string;
  last_name: string;
  /** Digits only; displayed spaced. */
  card_number: string;
  /** As displayed, `MM/YY`. */
  expiration: string;
  address_line1: string;
  address_line2: string;
  city: string;
  state: string;
  zip_code: string;
  routing_number: string;
  account_number: string;
  account_number_confirm: string;
  account_type: '' | 'checking' | 'savings';
  paypal_email: string;
  paypal_phone: string;
  biller_id: string;
  biller_name: string;
  biller_account_number: string;
}

/** One field's name in {@link AccountFormValues}. */
export type AccountField = keyof AccountFormValues;

/** Field → i18n key of its problem. */
export type FieldErrors = Partial<Record<AccountField, string>>;

/** What every field group receives from the form. */
export interface FieldGroupProps {
  values: AccountFormValues;
  errors: FieldErrors;
  onChange(field: AccountField, value: string): void;
  onBlur(field: AccountField): void;
}

/** An empty form. */
export const EMPTY_FORM: AccountFormValues = {
  first_name: '',
  last_name: '',
  card_number: '',
  expiration: '',
  address_line1: '',
  address_line2: '',
  city: '',
  state: '',
  zip_code: '',
  routing_number: '',
  account_number: '',
  account_number_confirm: '',
  account_type: '',
  paypal_email: '',
  paypal_phone: '',
  biller_id: '',
  biller_name: '',
  biller_account_number: '',
};
