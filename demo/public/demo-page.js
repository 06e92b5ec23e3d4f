// The embedded demo: a merchant page that mounts the Tokenframe widget with the host SDK
// (loaded by <script> with SRI from the service origin) and shows everything QA needs:
// scenario test data, every SDK event, the webhooks the backend received, and the session
// as the ops API reports it.
import { getJson, h, logEntry, pollWebhooks, postJson } from './demo-common.js';

const $ = (selector) => document.querySelector(selector);
const form = $('#controls');
const statusLine = $('#status');
const eventLog = $('#event-log');
const webhookLog = $('#webhook-log');

let config;
let recipient = null; // { recipient_id, participant_unique_id1, idempotency_key, options }
let plugin = null;
let sessionIdentifier = null;
let stopWebhooks = () => {};
let runId = 0;
let lastCreateStatus = '—';

function setStatus(text, tone = 'info') {
  statusLine.textContent = text;
  statusLine.dataset.tone = tone;
}

function currentScenario() {
  return (
    config.scenarios.find((scenario) => scenario.id === form.scenario.value) ?? config.scenarios[0]
  );
}

function showTestData() {
  const scenario = currentScenario();
  $('#expected').textContent = scenario.expected;
  const body = $('#test-data tbody');
  body.replaceChildren(
    ...scenario.testData.map((row) =>
      h('tr', {}, h('th', { scope: 'row' }, row.field), h('td', {}, h('code', {}, row.value))),
    ),
  );
}

function showRecipient() {
  const list = $('#recipient');
  if (!recipient) return list.replaceChildren();
  list.replaceChildren(
    h('dt', {}, 'Participant'),
    h('dd', {}, h('code', {}, recipient.participant_unique_id1)),
    h('dt', {}, 'Idempotency-Key'),
    h('dd', {}, h('code', { id: 'idempotency-key' }, recipient.idempotency_key)),
    h('dt', {}, 'Session'),
    h('dd', {}, h('code', { id: 'session-id' }, sessionIdentifier ?? '—')),
    h('dt', {}, 'Last create'),
    h('dd', { id: 'create-status' }, lastCreateStatus),
  );
}

/** A recipient fits when its session-create parameters match the form; else start a new one. */
async function ensureRecipient(reuse) {
  const wanted = { language_locale_code: form.locale.value, theme_variant: form.theme.value };
  const fits =
    recipient &&
    recipient.options.language_locale_code === wanted.language_locale_code &&
    recipient.options.theme_variant === wanted.theme_variant;
  if (fits && reuse) return recipient;
  recipient = { ...(await postJson('/demo/api/recipients', wanted)), options: wanted };
  sessionIdentifier = null;
  lastCreateStatus = '—';
  stopWebhooks();
  webhookLog.replaceChildren();
  stopWebhooks = pollWebhooks(recipient.participant_unique_id1, showWebhook);
  showRecipient();
  return recipient;
}

/** The SDK's fetchAuthorizedUrl: asks the demo backend, which replays the recipient's key. */
async function fetchAuthorizedUrl({ signal } = {}) {
  const response = await fetch(`/demo/api/recipients/${recipient.recipient_id}/authorized-url`, {
    method: 'POST',
    signal,
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    logEntry(eventLog, {
      title: 'backend',
      detail: `session API answered ${answer.status ?? response.status}`,
      payload: answer,
      dataset: {
        'data-event': 'demo.backend_error',
        'data-status': answer.status ?? response.status,
      },
    });
    throw new Error(
      `session API answered ${answer.status ?? response.status}: ${answer.client_message ?? ''}`,
    );
  }
  sessionIdentifier = answer.session_identifier ?? sessionIdentifier;
  lastCreateStatus =
    answer.status === 101
      ? '101 (idempotent replay, same session)'
      : `${answer.status} (new session)`;
  showRecipient();
  return {
    authorized_url: answer.authorized_url,
    authorized_url_expiration_utc: answer.authorized_url_expiration_utc,
  };
}

function showEvent(event) {
  const short = event.event_name.replace(/^tokenframe\./, '');
  const detail = [event.page, event.reason, event.error, event.code, event.customer_account_token]
    .filter(Boolean)
    .join(' · ');
  logEntry(eventLog, {
    title: short,
    detail,
    payload: event,
    dataset: { 'data-event': event.event_name },
  });
  if (event.session_identifier && event.session_identifier !== sessionIdentifier) {
    sessionIdentifier = event.session_identifier;
    showRecipient();
  }
  scheduleSessionRefresh();
}

function showWebhook(webhook) {
  const duplicate = webhook.deliveries > 1 ? ` (delivered ${webhook.deliveries}×)` : '';
  logEntry(webhookLog, {
    title: webhook.topic,
    detail: `${webhook.id}${duplicate}`,
    payload: webhook.body,
    dataset: { 'data-topic': webhook.topic },
  });
}

let refreshTimer;
function scheduleSessionRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshSession, 400);
}

async function refreshSession() {
  const panel = $('#session-panel');
  if (!sessionIdentifier) return;
  try {
    const { data } = await getJson(`/demo/api/sessions/${encodeURIComponent(sessionIdentifier)}`);
    const rows = Object.entries(data ?? {}).filter(
      ([, value]) => value !== null && typeof value !== 'object',
    );
    const timeline = Array.isArray(data?.timeline ?? data?.events)
      ? (data.timeline ?? data.events)
      : [];
    panel.replaceChildren(
      h(
        'dl',
        { class: 'facts' },
        rows.flatMap(([key, value]) => [
          h('dt', {}, key),
          h('dd', { 'data-field': key }, String(value)),
        ]),
      ),
      data?.account ? h('p', {}, 'Account: ', h('code', {}, JSON.stringify(data.account))) : null,
      data?.attempts
        ? h('p', {}, 'Attempts: ', h('code', {}, JSON.stringify(data.attempts)))
        : null,
      h('h3', {}, `Timeline (${timeline.length})`),
      h(
        'ol',
        { class: 'timeline' },
        timeline.map((item) =>
          h('li', {}, `${item.at ?? ''} ${item.event_name ?? item.topic ?? JSON.stringify(item)}`),
        ),
      ),
      h('details', {}, h('summary', {}, 'raw'), h('pre', {}, JSON.stringify(data, null, 2))),
    );
  } catch (error) {
    panel.replaceChildren(h('p', { class: 'muted' }, `Ops API: ${error.message}`));
  }
}

function destroyPlugin() {
  runId += 1;
  if (plugin) plugin.destroy();
  plugin = null;
}

/** Mounts the chosen scenario; `reuse` keeps the recipient (and so its idempotency key). */
async function start(reuse) {
  destroyPlugin();
  const myRun = runId;
  const scenario = currentScenario();
  try {
    await ensureRecipient(reuse);
    const Tokenframe = window.Tokenframe;
    plugin = Tokenframe.create('#capture', {
      fetchAuthorizedUrl,
      title: `Add your payout account (${scenario.label})`,
      autoHeight: true,
      debug: true,
    });
    for (const name of Object.values(Tokenframe.EVENTS)) plugin.addEventListener(name, showEvent);
    setStatus('Asking the demo backend for an authorized_url…');
    const first = await fetchAuthorizedUrl();
    if (scenario.mountDelayMs) {
      const until = Date.now() + scenario.mountDelayMs;
      while (Date.now() < until) {
        if (myRun !== runId) return;
        setStatus(
          `URL minted; mounting it after it expires, in ${Math.ceil((until - Date.now()) / 1000)} s…`,
        );
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    if (myRun !== runId) return;
    setStatus(`Mounting (${form.destination.value})…`);
    const mounted = plugin.mount(first.authorized_url, form.destination.value);
    // On a phone the widget sits below the controls. Bring it into view: Chromium also
    // pauses animation frames in off-screen cross-origin frames, so the widget could not
    // report its height (autoHeight) until the recipient scrolled to it.
    if (matchMedia('(max-width: 899px)').matches) $('#capture').scrollIntoView({ block: 'start' });
    await mounted;
    if (myRun === runId) setStatus('Widget ready. Type the test data below.', 'ok');
  } catch (error) {
    if (myRun === runId) setStatus(`Could not mount: ${error.message ?? error}`, 'error');
  }
}

async function init() {
  if (!window.Tokenframe) {
    setStatus(
      'The Tokenframe SDK did not load (service down, or its SRI hash did not match).',
      'error',
    );
    return;
  }
  config = await getJson('/demo/api/config');
  form.scenario.replaceChildren(
    ...config.scenarios.map((s) => h('option', { value: s.id }, s.label)),
  );
  form.locale.replaceChildren(...config.locales.map((code) => h('option', { value: code }, code)));
  const params = new URLSearchParams(location.search);
  for (const key of ['scenario', 'locale', 'theme'])
    if (params.get(key)) form[key].value = params.get(key);
  form.destination.value = params.get('destination') ?? currentScenario().destination;
  form.scenario.addEventListener('change', () => {
    form.destination.value = currentScenario().destination;
    showTestData();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start(false);
  });
  $('#remount').addEventListener('click', () => start(true));
  $('#destroy').addEventListener('click', () => {
    destroyPlugin();
    setStatus('Destroyed. Press Start to mount again.');
  });
  $('#clear-events').addEventListener('click', () => eventLog.replaceChildren());
  $('#refresh-session').addEventListener('click', refreshSession);
  showTestData();
  document.body.dataset.ready = 'true';
}

init().catch((error) => setStatus(`Demo failed to start: ${error.message}`, 'error'));
