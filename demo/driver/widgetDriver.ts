import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { Scenario, TestDataRow } from '../server/scenarios';

/**
 * Types a scenario's test data into the real widget the way QA does, by the rows the demo
 * page shows. Used by the browser suite and by the stand-in native app, so both follow the
 * page's own instructions. Fields are found by their id first and by their visible label
 * otherwise, so a reworded or regrouped field still gets its value.
 */

/** Where the widget runs: an iframe (embedded) or the page itself (standalone/webview). */
export type WidgetRoot = FrameLocator | Page;

async function textInput(form: Locator, row: TestDataRow, id: string): Promise<Locator> {
  const byId = form.locator(`[id="${id}"]`);
  if ((await byId.count()) > 0) return byId;
  return form.getByLabel(row.field, { exact: false }).first();
}

async function enterRow(form: Locator, row: TestDataRow): Promise<void> {
  const { entry } = row;
  switch (entry.type) {
    case 'text':
      for (const id of entry.ids) await (await textInput(form, row, id)).fill(row.value);
      return;
    case 'select':
      await form.locator(`[id="${entry.id}"]`).selectOption(row.value);
      return;
    case 'choice':
      await form.getByRole('radio', { name: row.value, exact: true }).check();
      return;
  }
}

/** The account-entry form, once it is on screen. */
export async function accountEntryForm(widget: WidgetRoot): Promise<Locator> {
  const form = widget.locator('section[data-page="account_entry"] form');
  await form.waitFor({ timeout: 30_000 });
  return form;
}

/** Types every row of the scenario's test data and presses Continue. */
export async function submitTestData(widget: WidgetRoot, scenario: Scenario): Promise<void> {
  const form = await accountEntryForm(widget);
  for (const row of scenario.testData) await enterRow(form, row);
  await form.locator('button[type="submit"]').click();
}

/** Presses Confirm on the confirmation page; returns the page's text (masked account). */
export async function confirmAccount(widget: WidgetRoot): Promise<string> {
  const page = widget.locator('section[data-page="confirmation"]');
  await page.waitFor({ timeout: 30_000 });
  const text = (await page.textContent()) ?? '';
  await page.locator('button.primary').click();
  return text;
}

/** Presses Continue on the terminal-failure page (TERMINAL_FAILURE_ACKNOWLEDGED). */
export async function acknowledgeTerminalFailure(widget: WidgetRoot): Promise<void> {
  const page = widget.locator('section[data-page="terminal_failure"]');
  await page.waitFor({ timeout: 30_000 });
  await page.locator('button.primary').click();
}

/**
 * Leaves account entry with Cancel. When the widget asks once more before it ends the
 * session ("Leave without adding an account?", PRODUCT.md §2), presses the leave button of
 * that step, never the default Keep going.
 */
export async function cancelFlow(widget: WidgetRoot): Promise<void> {
  const section = widget.locator('section[data-page="account_entry"]');
  await section.waitFor({ timeout: 30_000 });
  // Read before the click: a standalone page may already have navigated when click() returns.
  const startUrl = 'url' in widget ? widget.url() : '';
  await section
    .getByRole('button', { name: /cancel/i })
    .first()
    .click();
  const leave = widget.getByRole('button', { name: /leave|yes|confirm/i }).first();
  const canceled = widget.locator('section[data-page="canceled"]');
  // Either the session ends at once, or the confirm step appears; a standalone page may
  // also navigate straight to its redirect URL.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ('url' in widget && widget.url() !== startUrl) return;
    if (await canceled.isVisible().catch(() => false)) return;
    if (await leave.isVisible().catch(() => false)) {
      await leave.click();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `Cancel led neither to the canceled page nor to a leave confirmation (at ${startUrl || 'a frame'})`,
  );
}

/**
 * The inline error of the field labelled `label`: waits until the field is marked invalid
 * and returns the text of what describes it (hint and error), whitespace collapsed.
 */
export async function inlineErrorOf(widget: WidgetRoot, label: string): Promise<string> {
  const input = widget.getByLabel(label, { exact: true });
  await input.and(widget.locator('[aria-invalid="true"]')).waitFor({ timeout: 30_000 });
  const describedBy = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  const parts: string[] = [];
  for (const id of describedBy.filter(Boolean)) {
    parts.push((await widget.locator(`[id="${id}"]`).textContent()) ?? '');
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
