import { WEBHOOK_VERSION, type WebhookTopic } from '../../../protocol/webhooks';

const account = { last4: '5556', display: '•••• 5556', brand: 'visa' };
const fieldResults = [
  { field_name: 'first_name', is_matching: true, hard_fail_on_mismatch: true },
  { field_name: 'address_line2', is_matching: false, hard_fail_on_mismatch: false },
];
const attemptCounts = {
  attempt_count: 1,
  max_attempts: 5,
  feature_attempt_count: 1,
  feature_max_attempts: 3,
  attempts_remaining: 2,
};

/** `data.event` of one example per topic (the envelope is added by {@link webhookExample}). */
const EVENTS: Record<WebhookTopic, Record<string, unknown>> = {
  'session.created': {
    state: 'active',
    language_locale_code: 'en-US',
    host_origin: 'https://pay.acme.example',
  },
  'session.authorized_url_issued': { authorized_url_expiration_utc: '2026-11-23T12:00:30.000Z' },
  'session.mounted': {},
  'session.expired': {},
  'session.terminated': {},
  'tokenframe.token_success': {
    customer_account_token: 'cat_Q3VzdG9tZXJBY2NvdW50VG9rZW4',
    funding_destination: 'debit',
    account,
  },
  'tokenframe.funding_canceled': { funding_destination: 'debit' },
  'tokenframe.account_could_not_be_verified': {
    code: '700',
    feature: 'account_verification',
    funding_destination: 'debit',
    ...attemptCounts,
  },
  'tokenframe.max_verification_attempts_exceeded': {
    code: '1127',
    attempt_count: 5,
    max_attempts: 5,
  },
  'tokenframe.terminal_failure': {
    feature: 'recipient_verification',
    funding_destination: 'debit',
    error: '1105',
  },
  'tokenframe.recipient_verification.success': {
    code: '1103',
    funding_destination: 'debit',
    field_results: fieldResults.slice(0, 1),
  },
  'tokenframe.recipient_verification.soft_failure': {
    code: '1104',
    funding_destination: 'debit',
    field_results: fieldResults,
  },
  'tokenframe.recipient_verification.failure': {
    code: '1105',
    funding_destination: 'debit',
    field_results: [{ field_name: 'last_name', is_matching: false, hard_fail_on_mismatch: true }],
  },
  'tokenframe.funding_destination_changed': {
    funding_destination: 'ach',
    previous_funding_destination: 'debit',
  },
};

/** A complete example body of `topic`, as the service sends it. */
export function webhookExample(topic: WebhookTopic): unknown {
  return {
    metadata: {
      id: '3e5a7c9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d',
      timestamp: '2026-11-23T12:00:05.000Z',
      topic,
      version: WEBHOOK_VERSION,
    },
    data: {
      ancillary: {
        participant_unique_id1: 'participant-1',
        participant_unique_id2: 'customer-9',
        session_id: '6f1c2a7e-3b9d-4c51-8e0a-2d4f6b8c9e10',
        tracer_token: 'trc_V2hhdCBhIHRyYWNl',
      },
      event: { event_name: topic, ...EVENTS[topic] },
    },
  };
}
