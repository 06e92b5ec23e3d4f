// Shows the redirect query of a standalone session and the webhooks received for it.
import { h, logEntry, pollWebhooks } from './demo-common.js';

const params = new URLSearchParams(location.search);
const result = document.querySelector('#result');
for (const key of ['outcome', 'event_name', 'session_identifier']) {
  result.append(h('dt', {}, key), h('dd', { 'data-field': key }, params.get(key) ?? '—'));
}
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
