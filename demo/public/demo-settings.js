// The settings of a demo run (scenario, destination, locale, theme, appearance) live in the
// page URL, so a bug report is a link: opening it restores every control, and every change
// rewrites the URL in place (no new history entry per click).

/** URL query keys, in the order they are written. */
export const SETTING_KEYS = ['scenario', 'destination', 'locale', 'theme', 'primary', 'radius'];

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** Sets a select to `value` only when it is one of its options (else keeps its default). */
function selectIfOffered(select, value) {
  if (value !== null && [...select.options].some((option) => option.value === value))
    select.value = value;
}

/**
 * Applies the URL's query to the form. A value the form does not offer is ignored, so a
 * mistyped link falls back to the defaults instead of an empty control.
 * `destinationFor(scenarioId)` gives the scenario's own destination when the URL names none.
 */
export function applySettingsFromUrl(form, search, destinationFor) {
  const params = new URLSearchParams(search);
  selectIfOffered(form.scenario, params.get('scenario'));
  form.destination.value = destinationFor(form.scenario.value);
  selectIfOffered(form.destination, params.get('destination'));
  selectIfOffered(form.locale, params.get('locale'));
  selectIfOffered(form.theme, params.get('theme'));
  const primary = params.get('primary');
  if (primary && HEX_COLOR.test(primary)) {
    form.primary.value = primary.toLowerCase();
    form['use-primary'].checked = true;
  }
  selectIfOffered(form.radius, params.get('radius'));
}

/** The form's settings as a plain object (the appearance as the SDK takes it). */
export function readSettings(form) {
  const variables = {};
  if (form['use-primary'].checked) variables.colorPrimary = form.primary.value;
  if (form.radius.value) variables.borderRadius = form.radius.value;
  return {
    scenario: form.scenario.value,
    destination: form.destination.value,
    locale: form.locale.value,
    theme: form.theme.value,
    appearance: Object.keys(variables).length > 0 ? { variables } : undefined,
  };
}

/** The query string that reproduces `settings`. */
export function settingsQuery(settings) {
  const params = new URLSearchParams();
  params.set('scenario', settings.scenario);
  params.set('destination', settings.destination);
  params.set('locale', settings.locale);
  params.set('theme', settings.theme);
  const variables = settings.appearance?.variables ?? {};
  if (variables.colorPrimary) params.set('primary', variables.colorPrimary);
  if (variables.borderRadius) params.set('radius', variables.borderRadius);
  return `?${params}`;
}

/** Rewrites the address bar to the form's current settings. */
export function writeSettingsToUrl(form) {
  history.replaceState(null, '', `${location.pathname}${settingsQuery(readSettings(form))}`);
}
