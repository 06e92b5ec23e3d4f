import type { Frame } from 'playwright-core';
import { RECIPIENT } from './localeWorld';

/**
 * Drives the debit form by field id, not by label, so the same steps work in every locale.
 * The name and address are the session's own, so recipient verification passes.
 */
export async function fillDebitForm(
  frame: Frame,
  cardNumber: string,
  overrides: Record<string, string> = {},
): Promise<void> {
  const value = (name: string) => overrides[name] ?? RECIPIENT[name]!;
  await frame.fill('#first_name', value('first_name'));
  await frame.fill('#last_name', value('last_name'));
  await frame.locator('#card_number').pressSequentially(cardNumber);
  await frame.locator('#expiration').pressSequentially('1230');
  await frame.fill('#address_line1', value('address_line1'));
  await frame.fill('#city', value('city'));
  await frame.selectOption('#state', value('state'));
  await frame.fill('#zip_code', value('zip_code'));
}

/** Submits the account form (its primary button), whatever the locale calls it. */
export function submitAccountForm(frame: Frame): Promise<void> {
  return frame.click('form.account-form button[type="submit"]');
}

/** Waits until the widget shows `page` (`data-page` of the page's section). */
export async function waitForPage(frame: Frame, page: string): Promise<void> {
  await frame.waitForSelector(`section[data-page="${page}"]`, { timeout: 15_000 });
}

/** The sandbox debit card that verifies and tokenizes (PRODUCT.md §2). */
export const SANDBOX_DEBIT_CARD = '4000056655665556';

/** Writes ASCII digits with another script's digits (Arabic-Indic U+0660, Persian U+06F0). */
export function inDigitsOf(zero: number, digits: string): string {
  return digits.replace(/\d/g, (digit) => String.fromCharCode(zero + Number(digit)));
}
