// The embedded demo: a merchant page that mounts the Tokenframe widget with the host SDK
// (loaded by <script> with SRI from the service origin) and shows everything QA needs:
// scenario test data and what the product then does, every SDK event, the webhooks the
// backend received, and the session as the ops API reports it. The run's settings live in
// the URL (demo-settings.js) and "Copy run as JSON" exports the run (demo-run-record.js).
import { getJson, h, logEntry, pollWebhooks, postJson } from './demo-common.js';
import { RunRecord } from './demo-run-record.js';
import { showSession } from './demo-session-panel.js';
import { applySettingsFromUrl, readSettings, writeSettingsToUrl } from './demo-settings.js';
import { keepWidgetInView } from './demo-widget-view.js';

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
let lastSessionDetail = null;
const runRecord = new RunRecord();

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
  lastSessionDetail = null;
  runRecord.begin(recipient);
  stopWebhooks();
  eventLog.replaceChildren();
  webhookLog.replaceChildren();
  $('#session-panel').replaceChildren(h('p', { class: 'muted' }, 'No session yet.'));
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
  runRecord.addSdkEvent(event);
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
  runRecord.addWebhook(webhook);
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

/** Reads the session from the ops API (through the demo backend) into the panel. */
async function refreshSession() {
  const panel = $('#session-panel');
  if (!sessionIdentifier) return null;
  try {
    const { data } = await getJson(`/demo/api/sessions/${encodeURIComponent(sessionIdentifier)}`);
    lastSessionDetail = data ?? null;
    showSession(panel, data ?? {});
    return lastSessionDetail;
  } catch (error) {
    panel.replaceChildren(h('p', { class: 'muted' }, `Ops API: ${error.message}`));
    return null;
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
  const settings = readSettings(form);
  try {
    await ensureRecipient(reuse);
    const Tokenframe = window.Tokenframe;
    plugin = Tokenframe.create('#capture', {
      fetchAuthorizedUrl,
      title: `Add your payout account (${scenario.label})`,
      autoHeight: true,
      debug: true,
      ...(settings.appearance ? { appearance: settings.appearance } : {}),
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
    setStatus(`Mounting (${settings.destination})…`);
    const mounted = plugin.mount(first.authorized_url, settings.destination);
    keepWidgetInView($('#capture'), mounted, () => myRun === runId);
    await mounted;
    if (myRun === runId) setStatus('Widget ready. Type the test data below.', 'ok');
  } catch (error) {
    if (myRun === runId) setStatus(`Could not mount: ${error.message ?? error}`, 'error');
  }
}

/** "Copy run as JSON": the run's record, with the session detail read fresh. */
async function copyRun() {
  const session = sessionIdentifier ? await refreshSession() : null;
  const record = runRecord.toJSON({
    settings: readSettings(form),
    link: location.href,
    scenario: currentScenario(),
    sessionIdentifier,
    session: session ?? lastSessionDetail,
  });
  const json = JSON.stringify(record, null, 2);
  const output = $('#run-json');
  output.textContent = json;
  try {
    await navigator.clipboard.writeText(json);
    setStatus(
      `Run copied as JSON: ${record.sdk_events.length} SDK events, ${record.webhooks.length} webhooks.`,
      'ok',
    );
  } catch {
    // No clipboard permission (an insecure origin, a locked-down browser): the text is shown.
    output.closest('details').open = true;
    setStatus('The clipboard is not available here: copy the JSON shown below.', 'error');
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
  const destinationFor = (id) =>
    (config.scenarios.find((s) => s.id === id) ?? config.scenarios[0]).destination;
  applySettingsFromUrl(form, location.search, destinationFor);
  showTheme();
  writeSettingsToUrl(form);
  form.scenario.addEventListener('change', () => {
    form.destination.value = currentScenario().destination;
    showTestData();
  });
  form.theme.addEventListener('change', showTheme);
  // Every control change is reflected in the address bar, so the URL always reproduces the run.
  form.addEventListener('change', () => writeSettingsToUrl(form));
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
  $('#copy-run').addEventListener('click', copyRun);
  showTestData();
  document.body.dataset.ready = 'true';
}

/** The demo page follows the chosen theme, as a merchant's page would match its widget. */
function showTheme() {
  document.documentElement.dataset.theme = form.theme.value;
}

init().catch((error) => setStatus(`Demo failed to start: ${error.message}`, 'error'));
