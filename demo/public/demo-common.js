// Helpers shared by the demo pages. Plain browser JavaScript (no build step), no inline
// scripts, so every page runs under the strict CSP the demo site sends.

/** POSTs JSON to the demo backend; throws an Error carrying the backend's answer. */
export async function postJson(path, body = {}) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(describeApiError(response.status, json));
    error.answer = json;
    error.httpStatus = response.status;
    throw error;
  }
  return json;
}

/** GETs JSON from the demo backend. */
export async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(describeApiError(response.status, json));
  return json;
}

function describeApiError(httpStatus, json) {
  const status = json && json.status ? ` status ${json.status}` : '';
  const message =
    json && (json.client_message || json.error) ? `: ${json.client_message || json.error}` : '';
  return `HTTP ${httpStatus}${status}${message}`;
}

/** Creates an element with attributes and children (strings become text, never HTML). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Prepends one collapsible log entry: a title line and the pretty JSON payload. */
export function logEntry(list, { title, detail, payload, dataset = {} }) {
  const time = new Date().toLocaleTimeString();
  const entry = h(
    'li',
    dataset,
    h(
      'details',
      {},
      h(
        'summary',
        {},
        h('time', {}, time),
        ' ',
        h('strong', {}, title),
        detail ? ` ${detail}` : '',
      ),
      h('pre', {}, JSON.stringify(payload, null, 2)),
    ),
  );
  list.prepend(entry);
  return entry;
}

/** Polls the webhook log of one participant and calls `onWebhook` for each new entry. */
export function pollWebhooks(participantUniqueId1, onWebhook, intervalMs = 1000) {
  let after = 0;
  let stopped = false;
  async function tick() {
    if (stopped) return;
    try {
      const query = new URLSearchParams({
        after: String(after),
        participant_unique_id1: participantUniqueId1,
      });
      const { webhooks } = await getJson(`/demo/api/webhooks?${query}`);
      for (const webhook of webhooks) {
        after = Math.max(after, webhook.seq);
        onWebhook(webhook);
      }
    } catch {
      // The next tick retries; a demo log must not break the page.
    }
    if (!stopped) setTimeout(tick, intervalMs);
  }
  tick();
  return () => {
    stopped = true;
  };
}
