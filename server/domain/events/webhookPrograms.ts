import type { Program } from '../programs/program';

let withWebhook: ReadonlySet<string> | undefined;

/**
 * Declares which programs have a webhook (the service does this when it builds its app from
 * its config). An event of any other program gets its timeline row but no outbox row: nothing
 * would ever deliver it, and such rows grew without bound (346,886 after ~126k sessions).
 */
export function declareWebhookPrograms(programs: readonly Program[]): void {
  withWebhook = new Set(programs.filter((p) => p.webhook).map((p) => p.username));
}

/** Whether `program`'s events go to the outbox; all do until a config is declared. */
export function sendsWebhooks(program: string): boolean {
  return withWebhook?.has(program) ?? true;
}

/** The programs whose events go to the outbox, or `null` for all (no config declared). */
export function webhookProgramList(): string[] | null {
  return withWebhook ? [...withWebhook] : null;
}
