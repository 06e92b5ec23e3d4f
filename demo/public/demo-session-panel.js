// The session panel of the demo page: what the ops API says about the current session.
import { h } from './demo-common.js';

/** Renders the ops API's session detail: plain fields, account, attempts, timeline, raw JSON. */
export function showSession(panel, data) {
  const rows = Object.entries(data).filter(
    ([, value]) => value !== null && typeof value !== 'object',
  );
  const timeline = Array.isArray(data.timeline ?? data.events)
    ? (data.timeline ?? data.events)
    : [];
  const parts = [
    h(
      'dl',
      { class: 'facts' },
      rows.flatMap(([key, value]) => [
        h('dt', {}, key),
        h('dd', { 'data-field': key }, String(value)),
      ]),
    ),
    data.account ? h('p', {}, 'Account: ', h('code', {}, JSON.stringify(data.account))) : null,
    data.attempts ? h('p', {}, 'Attempts: ', h('code', {}, JSON.stringify(data.attempts))) : null,
    h('h3', {}, `Timeline (${timeline.length})`),
    h(
      'ol',
      { class: 'timeline' },
      timeline.map((item) =>
        h('li', {}, `${item.at ?? ''} ${item.event_name ?? item.topic ?? JSON.stringify(item)}`),
      ),
    ),
    h('details', {}, h('summary', {}, 'raw'), h('pre', {}, JSON.stringify(data, null, 2))),
  ];
  // replaceChildren() turns a null argument into the text "null": pass elements only.
  panel.replaceChildren(...parts.filter(Boolean));
}
