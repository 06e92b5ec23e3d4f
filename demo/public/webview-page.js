// Webview demo: create a standalone-mode session (with redirect URLs back to this site) and
// navigate this tab to the authorized_url, as a native app's webview would load it.
import { getJson, h, postJson } from './demo-common.js';

const form = document.querySelector('#webview-form');
const statusLine = document.querySelector('#status');

async function init() {
  const config = await getJson('/demo/api/config');
  form.locale.replaceChildren(...config.locales.map((code) => h('option', { value: code }, code)));
  const happy = config.scenarios.find((scenario) => scenario.id === 'debit-happy');
  document
    .querySelector('#test-data tbody')
    .replaceChildren(
      ...happy.testData.map((row) =>
        h('tr', {}, h('th', {}, row.field), h('td', {}, h('code', {}, row.value))),
      ),
    );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    statusLine.textContent = 'Creating a standalone session…';
    try {
      const recipient = await postJson('/demo/api/recipients', {
        language_locale_code: form.locale.value,
        theme_variant: form.theme.value,
        standalone: true,
      });
      sessionStorage.setItem(
        'tokenframe-demo-webview-participant',
        recipient.participant_unique_id1,
      );
      const { authorized_url } = await postJson(
        `/demo/api/recipients/${recipient.recipient_id}/authorized-url`,
      );
      statusLine.textContent = 'Opening the widget top-level…';
      // Top-level navigation, like a webview's loadRequest: the 30 s window starts now.
      location.assign(authorized_url);
    } catch (error) {
      statusLine.textContent = `Could not create the session: ${error.message}`;
      statusLine.dataset.tone = 'error';
    }
  });
  document.body.dataset.ready = 'true';
}

init().catch((error) => {
  statusLine.textContent = `Demo failed to start: ${error.message}`;
});
