import * as z from 'zod';
import { expect } from 'vitest';
import type { Scenario } from '../../demo/server/scenarios';
import { sessionDetailSchema } from '../../server/api/sessionApi/opsSchemas';
import type { DemoPage } from './demoPageDriver';

/**
 * "Copy run as JSON" on the demo page: presses the button, reads what reached the
 * clipboard, and checks its shape and that it holds no full card, account or phone number.
 */

const eventShape = z.looseObject({
  event_name: z.string().regex(/^tokenframe\./),
  session_identifier: z.string(),
  tracer_token: z.string(),
});

/** The documented shape of an export (`format` tokenframe-demo-run/1). */
export const runExportSchema = z.strictObject({
  format: z.literal('tokenframe-demo-run/1'),
  exported_at: z.iso.datetime(),
  link: z.url(),
  settings: z.strictObject({
    scenario: z.string(),
    destination: z.enum(['debit', 'credit', 'ach', 'paypal', 'billpay']),
    locale: z.string(),
    theme: z.enum(['light', 'dark']),
    appearance: z.optional(z.strictObject({ variables: z.record(z.string(), z.string()) })),
  }),
  scenario: z.strictObject({ id: z.string(), label: z.string(), expected: z.string() }),
  run: z.strictObject({
    started_at: z.iso.datetime(),
    recipient: z.strictObject({
      participant_unique_id1: z.string(),
      idempotency_key: z.string(),
    }),
    session_identifier: z.string(),
  }),
  sdk_events: z.array(z.strictObject({ received_at: z.iso.datetime(), event: eventShape })),
  webhooks: z.array(
    z.strictObject({
      id: z.string(),
      topic: z.string(),
      received_at: z.string(),
      deliveries: z.number().int().min(1),
      body: z.looseObject({ metadata: z.looseObject({ id: z.string(), topic: z.string() }) }),
    }),
  ),
  // Exactly what the ops API answers for the session (PRODUCT.md §1, Ops API).
  session: sessionDetailSchema,
});

/** A parsed export. */
export type RunExport = z.infer<typeof runExportSchema>;

/** Presses the button and returns the clipboard's JSON, checked against the schema. */
export async function copyRunAsJson(open: DemoPage): Promise<RunExport> {
  const { page } = open;
  await open.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  await page.click('#copy-run');
  // The page says so once the clipboard holds the JSON (or that it could not write it).
  await page.waitForFunction(
    () =>
      /^Run copied as JSON|clipboard is not available/.test(
        document.querySelector('#status')?.textContent ?? '',
      ),
    undefined,
    { timeout: 30_000 },
  );
  expect(await page.textContent('#status')).toMatch(/^Run copied as JSON/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The page shows the same text for browsers without a clipboard.
  expect(await page.textContent('#run-json')).toBe(copied);
  return runExportSchema.parse(JSON.parse(copied));
}

/** What a scenario types that is secret (card, account, phone, email): never in an export. */
export function typedSecrets(scenario: Scenario): string[] {
  return scenario.testData
    .filter((row) => /(card|account|mobile) number|email/i.test(row.field))
    .map((row) => row.value.replace(/\s/g, ''));
}
