import type { Scenario } from '../server/scenarios';
import {
  acknowledgeTerminalFailure,
  confirmAccount,
  inlineErrorOf,
  submitTestData,
  type WidgetRoot,
} from './widgetDriver';

/**
 * Plays one scenario to the end its outcome announces, doing only what the page tells QA to
 * do: type the rows, press Continue, Confirm, or Continue on the terminal-failure page.
 * Whoever runs it says how events arrive (the demo page's log, a native bridge), so the
 * same steps serve the embedded page and the stand-in native app.
 */

/** One event as the host (SDK listener or native bridge) received it. */
export type ReceivedEvent = Record<string, unknown> & { event_name: string };

/** How the runner learns about events. */
export interface EventFeed {
  /** Resolves with the `count`-th event named `eventName` once it has arrived. */
  waitForEvent(eventName: string, count?: number): Promise<ReceivedEvent>;
}

/** What the run ended with. */
export interface ScenarioEnd {
  /** The event that ended it; none for an inline error. */
  finalEvent?: ReceivedEvent;
  /** Confirmation page text (tokenized outcomes). */
  confirmationText?: string;
  /** The inline error's text (inline_error outcomes). */
  inlineError?: string;
}

/** Plays `scenario` in `widget` until its announced outcome is reached. */
export async function playScenario(
  widget: WidgetRoot,
  scenario: Scenario,
  feed: EventFeed,
): Promise<ScenarioEnd> {
  const { outcome } = scenario;
  switch (outcome.kind) {
    case 'tokenized': {
      await submitTestData(widget, scenario);
      const confirmationText = await confirmAccount(widget);
      return { confirmationText, finalEvent: await feed.waitForEvent('tokenframe.token_success') };
    }
    case 'inline_error':
      await submitTestData(widget, scenario);
      return { inlineError: await inlineErrorOf(widget, outcome.fieldLabel) };
    case 'verification_failed':
      await submitTestData(widget, scenario);
      return { finalEvent: await feed.waitForEvent('tokenframe.account_could_not_be_verified') };
    case 'attempts_exhausted': {
      for (let attempt = 1; attempt <= outcome.perMount; attempt += 1) {
        await submitTestData(widget, scenario);
        await feed.waitForEvent('tokenframe.account_could_not_be_verified', attempt);
      }
      await feed.waitForEvent('tokenframe.terminal_failure');
      await acknowledgeTerminalFailure(widget);
      // The SDK answers the acknowledgement with a fresh URL and a new mount.
      await feed.waitForEvent('tokenframe.ready', 2);
      for (let attempt = outcome.perMount + 1; attempt <= outcome.perSession; attempt += 1) {
        await submitTestData(widget, scenario);
        if (attempt < outcome.perSession)
          await feed.waitForEvent('tokenframe.account_could_not_be_verified', attempt);
      }
      return {
        finalEvent: await feed.waitForEvent('tokenframe.max_verification_attempts_exceeded'),
      };
    }
  }
}
