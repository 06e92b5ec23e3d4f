/**
 * Pure helpers that read the shape of an i18next locale file: its leaf keys, its plural
 * groups and the placeholders of its values. Used by the completeness test, kept apart so
 * the test reads as a list of rules.
 */
/** The i18next plural suffixes, in CLDR order. */
export declare const PLURAL_CATEGORIES: readonly ['zero', 'one', 'two', 'few', 'many', 'other'];
/** One CLDR plural category. */
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];
/** A locale file flattened to dotted leaf keys (`fields.city.label`) and their raw values. */
export type FlatLocale = ReadonlyMap<string, unknown>;
/** Flattens nested i18next JSON to dotted leaf keys, in file order. */
export declare function flattenLocale(tree: unknown, prefix?: string): Map<string, unknown>;
/** Splits `a.b_few` into base `a.b` and category `few`; `undefined` when no plural suffix. */
export declare function splitPluralKey(key: string):
  | {
      base: string;
      category: PluralCategory;
    }
  | undefined;
/**
 * Plural base keys of a reference file: those with both `_one` and `_other` forms (en-US
 * defines every plural that way), so a key like `results_other` alone is never guessed at.
 */
export declare function pluralBasesOf(reference: FlatLocale): Set<string>;
/** The base key a leaf belongs to: its plural base when it is a plural form of one. */
export declare function baseKeyOf(key: string, pluralBases: ReadonlySet<string>): string;
/** The `{{…}}` placeholders of a value, verbatim (`{{count, number}}` stays whole). */
export declare function placeholdersOf(value: string): Set<string>;
/** True when two sets hold the same members. */
export declare function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean;
