// Shows the redirect query of a standalone session and the webhooks received for it.
import { h, logEntry, pollWebhooks } from './demo-common.js';

const params = new URLSearchParams(location.search);
const result = document.querySelector('#result');
for (const key of ['outcome', 'event_name', 'session_identifier']) {
  result.append(h('dt', {}, key), h('dd', { 'data-field': key }, params.get(key) ?? '—'));
}
// What each redirect means for the app (PRODUCT.md §1 session states, §2 attempts).
const MEANINGS = {
  'tokenframe.token_success': 'Final: the account was tokenized and the session is completed.',
  'tokenframe.funding_canceled': 'Final: the recipient left and the session is canceled.',
  'tokenframe.max_verification_attempts_exceeded':
    'Final: the session used all its verification attempts (max_attempts_exceeded).',
  'tokenframe.terminal_failure_acknowledged':
    'Not final: this mount used its attempts, but the session is still active. Request a new ' +
    "authorized_url with the recipient's Idempotency-Key (the service answers 101) and open it " +
    'for a fresh set of attempts.',
  'tokenframe.session_error':
    "The widget could not go on with this URL. Request a new one with the recipient's " +
    'Idempotency-Key; the service answers 13724 when the session is final.',
};
document.querySelector('#result-meaning').textContent =
  MEANINGS[params.get('event_name')] ?? 'No known event in the query.';

const participant = sessionStorage.getItem('tokenframe-demo-webview-participant');
const sessionId = params.get('session_identifier');
if (participant) {
  pollWebhooks(participant, (webhook) => {
    if (sessionId && webhook.sessionId !== sessionId) return;
    logEntry(document.querySelector('#webhook-log'), {
      title: webhook.topic,
      detail: webhook.id,
      payload: webhook.body,
      dataset: { 'data-topic': webhook.topic },
    });
  });
}
document.body.dataset.ready = 'true';
