import enUS from '../../../locales/en-US.json' with { type: 'json' };

/**
 * The en-US strings the Playwright helpers find the widget's fields and buttons by, taken
 * from the widget's own translation file so that a reworded label moves both at once.
 */
export const WIDGET_LABELS = {
  firstName: enUS.fields.first_name.label,
  lastName: enUS.fields.last_name.label,
  cardNumber: enUS.fields.card_number.label,
  expiration: enUS.fields.expiration.label,
  addressLine1: enUS.fields.address_line1.label,
  city: enUS.fields.city.label,
  state: enUS.fields.state.label,
  zipCode: enUS.fields.zip_code.label,
  routingNumber: enUS.fields.routing_number.label,
  accountNumber: enUS.fields.account_number.label,
  accountNumberConfirm: enUS.fields.account_number_confirm.label,
  checking: enUS.fields.account_type.checking,
  paypalEmail: enUS.fields.paypal_email.label,
  billerSearch: enUS.fields.biller_search.label,
  billerAccountNumber: enUS.fields.biller_account_number.label,
  submit: enUS.account_entry.submit,
  confirm: enUS.confirmation.confirm,
  confirmationHeading: enUS.confirmation.heading,
  successHeading: enUS.success.heading,
} as const;
