/**
 * "A, B and C" in the active language. `Intl.ListFormat` has no Hmong data in any runtime and
 * no Khmer data in Chromium; asked anyway, it silently answers in English (", and"). For such
 * a locale the translated conjunction of the locale file is used instead.
 */

/** Joins the items before the last with the last one, e.g. `{{first}} thiab {{last}}`. */
export type JoinLast = (first: string, last: string) => string;

/** True when the runtime has list-formatting data for `locale` (not a default-locale guess). */
export function hasListData(locale: string): boolean {
  return Intl.ListFormat.supportedLocalesOf(locale).length > 0;
}

/**
 * Formats `items` as a conjunction ("and") list for `locale`. Without `Intl` data, the items
 * before the last are joined with ", " — CLDR's start and middle pattern for Khmer, and what
 * Hmong writes — and `joinLast` adds the last with the locale file's own "and".
 */
export function formatConjunctionList(
  locale: string,
  items: readonly string[],
  joinLast: JoinLast,
): string {
  return items.length < 2 || hasListData(locale)
    ? new Intl.ListFormat(locale).format(items)
    : joinLast(items.slice(0, -1).join(', '), items[items.length - 1] as string);
}
