/**
 * "A, B and C" in the active language, from the patterns of its locale file rather than
 * `Intl.ListFormat`: the first `Intl.ListFormat` of a page loads the runtime's list data for
 * every locale it knows, tens of milliseconds on a phone before READY (PRODUCT.md §2, "Load"),
 * and no runtime has Hmong data while Chromium has no Khmer. The files hold CLDR's own "and"
 * patterns, which `listFormat.test.ts` checks against `Intl` wherever it has them.
 */

/** Joins the items before the last with the last one, e.g. `{{first}} thiab {{last}}`. */
export type JoinLast = (first: string, last: string) => string;

/** One language's conjunction-list patterns (`common.list_*` of its locale file). */
export interface ListPatterns {
  /** A list of two: CLDR's "2" pattern. */
  pair: JoinLast;
  /** The last item of a longer list onto the ones before it: CLDR's "end" pattern. */
  last: JoinLast;
  /** Between the items before the last: CLDR's "start" and "middle" patterns. */
  separator: string;
}

/** Formats `items` as a conjunction ("and") list with `patterns`. */
export function formatConjunctionList(items: readonly string[], patterns: ListPatterns): string {
  if (items.length < 3)
    return items.length === 2 ? patterns.pair(items[0]!, items[1]!) : items.join('');
  return patterns.last(items.slice(0, -1).join(patterns.separator), items[items.length - 1]!);
}
