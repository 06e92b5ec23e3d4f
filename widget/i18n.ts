import i18next, { type i18n as I18nInstance, type TOptions } from 'i18next';
import { LOCALES, RTL_LOCALES, type Locale } from '../protocol/constants';
import { pluralRuleFor } from './i18n/localeRules';
import { formatConjunctionList } from './i18n/listFormat';
import { numberFormatFor } from './i18n/numberFormat';
import type { LocaleModule } from './i18n/localeLoaders';

/**
 * The locale used when the requested one is unknown or its chunk cannot be downloaded. Its
 * chunk is fetched only then, or when it is the active locale.
 */
export const FALLBACK_LOCALE: Locale = 'en-US';

/**
 * The code i18next files a locale under: it canonicalizes codes with `Intl.getCanonicalLocales`,
 * and CLDR turns `tl-PH` into `fil-PH`, so a bundle added as `tl-PH` would never be found.
 */
function i18nextCode(locale: string): string {
  return Intl.getCanonicalLocales(locale)[0] ?? locale;
}

/**
 * The session's locale chunk as the service listed it in the document (`modulepreload`,
 * `server/widgetApi/bootAssets.ts`): importing that URL reuses the preloaded module, and the
 * entry need not carry the map of every locale's chunk.
 */
function preloadedLocaleUrl(locale: Locale): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return document.querySelector<HTMLLinkElement>(
    `link[rel="modulepreload"][href*="/locale-${locale}-"]`,
  )?.href;
}

/** Translate function handed to components. */
export type Translate = (key: string, options?: TOptions) => string;

/** The widget's i18n: one i18next instance plus what pages need from the active locale. */
export interface WidgetI18n {
  readonly instance: I18nInstance;
  /** Active locale. */
  locale(): Locale;
  /** `ltr`, or `rtl` for ar-SA and fa-IR. */
  direction(): 'ltr' | 'rtl';
  /** Translates `key`; warns once per key when the active locale lacks it. */
  t: Translate;
  /** Formats an integer for the active locale (falls back to en-US digits when `Intl` lacks data). */
  formatNumber(value: number): string;
  /** Downloads the locale's chunk if needed and switches to it. Unknown codes fall back. */
  setLocale(locale: string): Promise<Locale>;
}

/** True when `code` is one of the 28 supported locales. */
export function isLocale(code: string): code is Locale {
  return (LOCALES as readonly string[]).includes(code);
}

/** Text direction of a locale. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}

/** Downloads a locale's messages; `null` when the code is unknown or the chunk fails. */
async function downloadLocale(locale: Locale): Promise<Record<string, unknown> | null> {
  try {
    const url = preloadedLocaleUrl(locale);
    const module: LocaleModule | undefined = url
      ? await import(/* @vite-ignore */ url)
      : await (await import('./i18n/localeLoaders')).loaderFor(locale)?.();
    return module?.default ?? null;
  } catch {
    return null;
  }
}

/**
 * Creates the widget's i18n in `initialLocale` (the session's language from the document),
 * downloading that locale's chunk only; an unknown code, or a chunk that fails to download,
 * starts in en-US instead. Missing keys are reported with `console.warn` (i18next's
 * `missingKeyHandler` for keys absent everywhere, plus a check against the active locale
 * alone, since a fallback to en-US, when loaded, would otherwise hide a key a translation
 * forgot).
 */
export async function createWidgetI18n(
  initialLocale: string = FALLBACK_LOCALE,
): Promise<WidgetI18n> {
  let initial: Locale = isLocale(initialLocale) ? initialLocale : FALLBACK_LOCALE;
  let messages = await downloadLocale(initial);
  if (!messages && initial !== FALLBACK_LOCALE) {
    initial = FALLBACK_LOCALE;
    messages = await downloadLocale(initial);
  }
  if (!messages) throw new Error(`locales/${initial}.json did not load`);
  const instance = i18next.createInstance();
  const warned = new Set<string>();
  const warnMissing = (locale: string, key: string) => {
    const id = `${locale}:${key}`;
    if (warned.has(id)) return;
    warned.add(id);
    console.warn(`[tokenframe] missing translation "${key}" for ${locale}`);
  };
  await instance.init({
    lng: i18nextCode(initial),
    fallbackLng: FALLBACK_LOCALE,
    // No `supportedLngs`: every code reaches i18next through `isLocale` first, and the list
    // would cost 28 `Intl` canonicalisations on READY's path.
    // Keys are nested by page; locale codes like zh-Hans must not be cut down to `zh`.
    load: 'currentOnly',
    // Said outright, so that i18next does not test every key for natural language (a regular
    // expression per call), and splits no key at `:`: one namespace, keys are paths.
    keySeparator: '.',
    nsSeparator: false,
    resources: { [i18nextCode(initial)]: { translation: messages } },
    // Preact escapes text content; escaping here would double-encode.
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (languages, _namespace, key) => warnMissing(languages.join(','), key),
    initAsync: false,
  });
  // See localeRules.ts: locales without Intl plural data (hmn-Latn) use `other` only.
  const resolver = instance.services.pluralResolver as {
    getRule: (code: string, options?: { ordinal?: boolean }) => unknown;
  };
  resolver.getRule = (code, options = {}) =>
    pluralRuleFor(
      code === 'dev' ? FALLBACK_LOCALE : code,
      options.ordinal ? 'ordinal' : 'cardinal',
    );

  // `{{count, number}}` in the strings: the same digits as `formatNumber` (numberFormat.ts).
  instance.services.formatter?.add('number', (value, lng) =>
    numberFormatFor(lng ?? FALLBACK_LOCALE).format(value),
  );
  // `{{fields, list}}`: the locale file's CLDR patterns (listFormat.ts).
  instance.services.formatter?.add('list', (items: string[], lng) => {
    const join = (key: string) => (first: string, last: string) =>
      instance.t(key, { lng, first, last });
    return formatConjunctionList(items, {
      pair: join('common.list_and'),
      last: join('common.list_and_last'),
      separator: instance.t('common.list_separator', { lng }),
    });
  });

  let active: Locale = initial;
  let activeCode = i18nextCode(initial);
  // Made on first use: the first `Intl` formatter loads the runtime's locale data, work a
  // phone would otherwise do before READY for a number no boot page shows.
  let numberFormat: Intl.NumberFormat | undefined;

  // One lookup per string, of which every render makes dozens. A call without values is the
  // active locale's string as stored: the store's own lookup, not the translator, whose
  // plural, context and fallback resolution was a third of the JavaScript of the form's first
  // render at 4× CPU, with nothing to do for it (no string nests `$t()`). A key the locale
  // lacks, and every call with values, goes through the translator, whose details say
  // whether the active locale answered or the en-US fallback hid a key it lacks.
  const t: Translate = (key, options) => {
    if (!options) {
      const stored: unknown = instance.getResource(activeCode, 'translation', key);
      if (typeof stored === 'string') return stored;
    }
    const found = instance.t(key, { ...options, returnDetails: true });
    if (found.usedLng !== activeCode) warnMissing(active, key);
    return found.res as string;
  };

  return {
    instance,
    locale: () => active,
    direction: () => directionOf(active),
    t,
    formatNumber: (value) => (numberFormat ??= numberFormatFor(active)).format(value),
    async setLocale(requested) {
      const locale = isLocale(requested) ? requested : FALLBACK_LOCALE;
      if (!instance.hasResourceBundle(i18nextCode(locale), 'translation')) {
        const loaded = await downloadLocale(locale);
        // A chunk that fails to download leaves the widget usable in the language it had.
        if (!loaded) return active;
        instance.addResourceBundle(i18nextCode(locale), 'translation', loaded, true, true);
      }
      await instance.changeLanguage(locale);
      active = locale;
      activeCode = i18nextCode(locale);
      numberFormat = undefined;
      return active;
    },
  };
}
