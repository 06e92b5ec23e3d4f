// The record of the current run, exported by "Copy run as JSON": what a tester attaches to a
// bug report. It holds only what the page already received — SDK events, verified webhooks,
// the ops API's session detail — and none of these carries a full card or account number
// (PRODUCT.md §2 "Tokens"), so the export does not either.

/** The `format` of an export; bump it when the shape changes. */
export const RUN_EXPORT_FORMAT = 'tokenframe-demo-run/1';

/** Collects one run: reset on Start (a new recipient), kept across Remount (same session). */
export class RunRecord {
  constructor() {
    this.reset();
  }

  /** Forgets everything: a new recipient starts a new run. */
  reset() {
    this.sdkEvents = [];
    this.webhooks = [];
    this.recipient = null;
    this.startedAt = null;
  }

  /** Marks the start of the run for `recipient` (`participant_unique_id1`, key). */
  begin(recipient) {
    this.reset();
    this.startedAt = new Date().toISOString();
    this.recipient = {
      participant_unique_id1: recipient.participant_unique_id1,
      idempotency_key: recipient.idempotency_key,
    };
  }

  /** Records one SDK event as the listener received it. */
  addSdkEvent(event) {
    this.sdkEvents.push({ received_at: new Date().toISOString(), event });
  }

  /** Records one webhook the demo backend received and verified. */
  addWebhook(webhook) {
    this.webhooks.push({
      id: webhook.id,
      topic: webhook.topic,
      received_at: webhook.receivedAt,
      deliveries: webhook.deliveries,
      body: webhook.body,
    });
  }

  /**
   * The export: settings and link to reproduce the run, the scenario and what it announces,
   * and what happened. `session` is the ops API's session detail (or null before a session).
   */
  toJSON({ settings, link, scenario, sessionIdentifier, session }) {
    return {
      format: RUN_EXPORT_FORMAT,
      exported_at: new Date().toISOString(),
      link,
      settings,
      scenario: { id: scenario.id, label: scenario.label, expected: scenario.expected },
      run: {
        started_at: this.startedAt,
        recipient: this.recipient,
        session_identifier: sessionIdentifier,
      },
      sdk_events: this.sdkEvents,
      webhooks: this.webhooks,
      session,
    };
  }
}
