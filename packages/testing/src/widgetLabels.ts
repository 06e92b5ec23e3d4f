import type { Locale } from '../../../protocol/constants';
import { LOCALE_MESSAGES } from './localeMessages';

/**
 * Where in a locale file each string the Playwright helpers find the widget's fields and
 * buttons by lives: the widget's own translations, so that a reworded label moves both.
 */
export const LABEL_PATHS = {
  firstName: 'fields.first_name.label',
  lastName: 'fields.last_name.label',
  cardNumber: 'fields.card_number.label',
  expiration: 'fields.expiration.label',
  addressLine1: 'fields.address_line1.label',
  city: 'fields.city.label',
  state: 'fields.state.label',
  zipCode: 'fields.zip_code.label',
  routingNumber: 'fields.routing_number.label',
  accountNumber: 'fields.account_number.label',
  accountNumberConfirm: 'fields.account_number_confirm.label',
  checking: 'fields.account_type.checking',
  paypalEmail: 'fields.paypal_email.label',
  paypalPhone: 'fields.paypal_phone.label',
  billerSearch: 'fields.biller_search.label',
  billerAccountNumber: 'fields.biller_account_number.label',
  submit: 'account_entry.submit',
  confirm: 'confirmation.confirm',
  confirmationHeading: 'confirmation.heading',
  successHeading: 'success.heading',
} as const;

/** The strings of {@link LABEL_PATHS} in one locale. */
export type WidgetLabels = Record<keyof typeof LABEL_PATHS, string>;

/** The widget's labels in `locale` (the session's `language_locale_code`). */
export function widgetLabels(locale: Locale): WidgetLabels {
  const messages: unknown = LOCALE_MESSAGES[locale];
  if (!messages) {
    throw new TypeError(`@tokenframe/testing: no widget strings for the locale ${String(locale)}`);
  }
  return Object.fromEntries(
    Object.entries(LABEL_PATHS).map(([name, path]) => {
      const text = path
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], messages);
      if (typeof text !== 'string') throw new Error(`locales/${locale}.json has no ${path}`);
      return [name, text];
    }),
  ) as WidgetLabels;
}
