import type { FrameLocator, Page } from 'playwright-core';
import type { Locale } from '../../../protocol/constants';
import type { CompletableDestination, CompleteSessionOptions } from './completeSession';
import { testData as defaultTestData } from './testData';
import { widgetLabels } from './widgetLabels';

/** Options of the Playwright helpers: the flow's, and the language the widget shows. */
export interface WidgetOptions extends CompleteSessionOptions {
  /**
   * The session's `language_locale_code`: the helpers find fields and buttons by the
   * widget's labels in that language. Default: `en-US`.
   */
  locale?: Locale;
}

/** Where the widget runs: a page that embeds it (the first Tokenframe iframe is used) or a frame. */
export type WidgetLocation = Page | FrameLocator;

/** The widget's frame inside `location`: the iframe whose URL is an authorized_url (`/session/…`). */
export function widgetFrame(location: WidgetLocation): FrameLocator {
  return 'frameLocator' in location && 'goto' in location
    ? location.frameLocator('iframe[src*="/session/"]').first()
    : (location as FrameLocator);
}

/**
 * Fills the account form of the real widget by its visible labels in the session's locale,
 * as a recipient would: name, card or bank details, billing address; PayPal by email or
 * mobile number. The widget's own checks run as typed.
 */
export async function fillAccountForm(
  location: WidgetLocation,
  options: WidgetOptions = {},
): Promise<void> {
  const frame = widgetFrame(location);
  const L = widgetLabels(options.locale ?? 'en-US');
  const data = options.testData ?? defaultTestData;
  const recipient = options.recipient ?? data.recipient;
  const destination: CompletableDestination = options.destination ?? 'debit';
  const field = (label: string) => frame.getByLabel(label, { exact: true });
  // Not `exact` below: optional fields' labels end with "(optional)".
  if (destination === 'paypal') {
    if (options.paypalContact === 'phone') {
      await frame.getByRole('textbox', { name: L.paypalPhone }).pressSequentially(data.paypalPhone);
    } else {
      await frame.getByRole('textbox', { name: L.paypalEmail }).fill(data.paypalEmail);
    }
    return;
  }
  if (destination === 'billpay') {
    await frame
      .getByRole('textbox', { name: L.billerSearch })
      .pressSequentially(data.billpay.billerName.split(' ')[0]!);
    await frame.getByRole('radio', { name: data.billpay.billerName }).check();
    await field(L.billerAccountNumber).fill(data.billpay.accountNumber);
    return;
  }
  await field(L.firstName).fill(recipient.first_name);
  await field(L.lastName).fill(recipient.last_name);
  if (destination === 'ach') {
    await field(L.routingNumber).pressSequentially(data.ach.verified.routingNumber);
    await field(L.accountNumber).pressSequentially(data.ach.verified.accountNumber);
    await field(L.accountNumberConfirm).pressSequentially(data.ach.verified.accountNumber);
    await field(L.checking).check();
  } else {
    const card = destination === 'credit' ? data.creditCards.visa : data.debitCards.visa;
    await field(L.cardNumber).pressSequentially(card);
    const { month, year } = data.cardExpiration;
    await field(L.expiration).pressSequentially(`${String(month).padStart(2, '0')}${year % 100}`);
  }
  await field(L.addressLine1).fill(recipient.address_line1);
  await field(L.city).fill(recipient.city);
  await field(L.state).selectOption(recipient.state);
  await field(L.zipCode).fill(recipient.zip_code);
}

/**
 * Completes the flow in the real widget: fills the account form, continues, confirms, and
 * waits for the success page. The host page receives TOKEN_SUCCESS as in production.
 * @example
 * await plugin.mount(data.authorized_url, 'debit'); // in the page
 * await completeInWidget(page, { destination: 'debit' }); // in the test
 * await completeInWidget(page, { destination: 'paypal', paypalContact: 'phone', locale: 'de-DE' });
 */
export async function completeInWidget(
  location: WidgetLocation,
  options: WidgetOptions & {
    /** How long each step may take to appear, in ms. Default: 30000. */
    timeoutMs?: number;
  } = {},
): Promise<void> {
  const frame = widgetFrame(location);
  const L = widgetLabels(options.locale ?? 'en-US');
  const timeout = options.timeoutMs ?? 30_000;
  await frame.getByRole('button', { name: L.submit, exact: true }).waitFor({ timeout });
  await fillAccountForm(frame, options);
  await frame.getByRole('button', { name: L.submit, exact: true }).click();
  await frame.getByRole('heading', { name: L.confirmationHeading }).waitFor({ timeout });
  await frame.getByRole('button', { name: L.confirm, exact: true }).click();
  await frame.getByRole('heading', { name: L.successHeading }).waitFor({ timeout });
}
