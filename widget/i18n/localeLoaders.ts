/** A locale chunk: the messages of `locales/<code>.json`. */
export type LocaleModule = { default: Record<string, unknown> };

/**
 * Every locale is its own chunk (`locale-<code>-[hash].js`); only the active one is
 * downloaded (PRODUCT.md §6), en-US included. This map of all 28 is a chunk of its own too:
 * the session's locale comes from the document's `modulepreload` link (`i18n.ts`), so the
 * map, a hashed file name per locale, is only fetched for a language change.
 */
const LOCALE_LOADERS = import.meta.glob<LocaleModule>('../../locales/*-*.json');

/** The loader of a locale's chunk, `undefined` for a code without one. */
export function loaderFor(locale: string): (() => Promise<LocaleModule>) | undefined {
  return LOCALE_LOADERS[`../../locales/${locale}.json`];
}
