import { expect } from 'vitest';
import type { ScenarioEnd } from '../../demo/driver/playScenario';
import type { Scenario } from '../../demo/server/scenarios';
import { waitUntil } from '../harness/browser';
import type { DemoPage } from './demoPageDriver';

/**
 * Checks, against the running product, everything a scenario's outcome announces on the
 * demo page. The expectations come from `scenario.outcome`, the same data the page's
 * sentence is written from.
 */
export async function expectAnnouncedOutcome(
  open: DemoPage,
  scenario: Scenario,
  end: ScenarioEnd,
): Promise<void> {
  const { outcome } = scenario;
  const names = async () => (await open.events()).map((event) => event.event_name);
  switch (outcome.kind) {
    case 'tokenized': {
      expect(end.confirmationText).toContain(outcome.account.display);
      if (outcome.account.bank_name)
        expect(end.confirmationText).toContain(outcome.account.bank_name);
      expect(end.finalEvent).toMatchObject({
        funding_destination: scenario.destination,
        account: outcome.account,
      });
      expect(end.finalEvent?.customer_account_token).toMatch(/^cat_/);
      if (outcome.reauthorizedFor) {
        const reauthorizing = await open.waitForEvent('tokenframe.reauthorizing');
        expect(reauthorizing.reason).toBe(outcome.reauthorizedFor);
        const order = await names();
        expect(order.indexOf('tokenframe.reauthorizing')).toBeLessThan(
          order.indexOf('tokenframe.ready'),
        );
        expect(await open.page.textContent('#create-status')).toContain('101');
      }
      await waitUntil(
        'the token_success webhook',
        async () => (await open.webhookTopics()).includes('tokenframe.token_success'),
        30_000,
      );
      expect(await open.sessionField('state', 'completed')).toBe('completed');
      return;
    }
    case 'inline_error':
      expect(end.inlineError).toContain(outcome.message);
      // No event at all since the form appeared: only the mount's own PAGE_LOADs and READY.
      expect(new Set(await names())).toEqual(new Set(['tokenframe.page_load', 'tokenframe.ready']));
      expect((await open.events()).filter((event) => event.page === 'account_entry')).toHaveLength(
        1,
      );
      expect(await open.sessionField('attempts_used', '0')).toBe('0');
      return;
    case 'verification_failed':
      expect(end.finalEvent).toMatchObject({
        feature: outcome.feature,
        code: outcome.code,
        attempts_remaining: outcome.attemptsRemaining,
      });
      expect(await open.sessionField('attempts_used', '1')).toBe('1');
      return;
    case 'attempts_exhausted': {
      const order = await names();
      const count = (name: string) => order.filter((n) => n === name).length;
      expect(count('tokenframe.account_could_not_be_verified')).toBe(outcome.perSession - 1);
      expect(count('tokenframe.terminal_failure')).toBe(1);
      expect(count('tokenframe.terminal_failure_acknowledged')).toBe(1);
      const reauthorizing = await open.waitForEvent('tokenframe.reauthorizing');
      expect(reauthorizing.reason).toBe('terminal_failure_acknowledged');
      expect(await open.page.textContent('#create-status')).toContain('101');
      expect(await open.sessionField('state', 'max_attempts_exceeded')).toBe(
        'max_attempts_exceeded',
      );
      return;
    }
  }
}
