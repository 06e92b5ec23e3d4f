/**
 * Pure helpers that read the shape of an i18next locale file: its leaf keys, its plural
 * groups and the placeholders of its values. Used by the completeness test, kept apart so
 * the test reads as a list of rules.
 */

/** The i18next plural suffixes, in CLDR order. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** One CLDR plural category. */
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** A locale file flattened to dotted leaf keys (`fields.city.label`) and their raw values. */
export type FlatLocale = ReadonlyMap<string, unknown>;

/** Flattens nested i18next JSON to dotted leaf keys, in file order. */
export function flattenLocale(tree: unknown, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) {
    leaves.set(prefix, tree);
    return leaves;
  }
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    for (const [leafKey, leafValue] of flattenLocale(value, path)) leaves.set(leafKey, leafValue);
  }
  return leaves;
}

/** Splits `a.b_few` into base `a.b` and category `few`; `undefined` when no plural suffix. */
export function splitPluralKey(
  key: string,
): { base: string; category: PluralCategory } | undefined {
  const match = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
  if (!match) return undefined;
  return { base: match[1] as string, category: match[2] as PluralCategory };
}

/**
 * Plural base keys of a reference file: those with both `_one` and `_other` forms (en-US
 * defines every plural that way), so a key like `results_other` alone is never guessed at.
 */
export function pluralBasesOf(reference: FlatLocale): Set<string> {
  const bases = new Set<string>();
  for (const key of reference.keys()) {
    const plural = splitPluralKey(key);
    if (plural?.category === 'other' && reference.has(`${plural.base}_one`)) bases.add(plural.base);
  }
  return bases;
}

/** The base key a leaf belongs to: its plural base when it is a plural form of one. */
export function baseKeyOf(key: string, pluralBases: ReadonlySet<string>): string {
  const plural = splitPluralKey(key);
  return plural && pluralBases.has(plural.base) ? plural.base : key;
}

/** The `{{…}}` placeholders of a value, verbatim (`{{count, number}}` stays whole). */
export function placeholdersOf(value: string): Set<string> {
  return new Set(value.match(/\{\{[^{}]*\}\}/g) ?? []);
}

/** True when two sets hold the same members. */
export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((member) => b.has(member));
}
