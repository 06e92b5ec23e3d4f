import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../protocol/constants';
import { pluralCategoriesFor, pluralRuleFor } from '../widget/i18n/localeRules';
import {
  baseKeyOf,
  flattenLocale,
  placeholdersOf,
  pluralBasesOf,
  sameSet,
  splitPluralKey,
  type FlatLocale,
} from './localeShape';

/**
 * Completeness of every locale against en-US (PRODUCT.md §6). One `it` per locale,
 * so a failure names the locale; each failure message lists every offending key at once.
 */

const REFERENCE: Locale = 'en-US';

// Eager glob: a locale whose file does not exist yet is simply absent from the map.
const FILES = import.meta.glob<unknown>('./*.json', { eager: true, import: 'default' });

function load(code: Locale): FlatLocale | undefined {
  const tree = FILES[`./${code}.json`];
  return tree === undefined ? undefined : flattenLocale(tree);
}

/** A value allowed to equal en-US's, with the reason it was reviewed and accepted. */
interface SameAsEnglish {
  readonly key: string;
  /** Only these locales; every locale when absent. */
  readonly locales?: readonly Locale[];
  readonly reason: string;
}

const SAME_AS_ENGLISH: readonly SameAsEnglish[] = [
  { key: 'brand.visa', reason: 'card brand name, written in Latin script everywhere' },
  { key: 'brand.mastercard', reason: 'card brand name, written in Latin script everywhere' },
  { key: 'brand.amex', reason: 'card brand name, written in Latin script everywhere' },
  { key: 'brand.discover', reason: 'card brand name, written in Latin script everywhere' },
  { key: 'destination.paypal', reason: 'brand name "PayPal"' },
  {
    key: 'common.list_separator',
    reason: 'CLDR\'s list separator ", " is the same in most languages',
  },
  {
    key: 'fields.expiration.placeholder',
    reason: 'format mask "MM/YY", printed this way on cards in many markets; example data',
  },
  {
    key: 'fields.routing_number.bank',
    locales: ['da-DK', 'de-DE', 'nb-NO', 'nl-NL', 'sv-SE'],
    reason: '"Bank: {{bank}}" is the native wording in these languages',
  },
  { key: 'common.optional', locales: ['de-DE'], reason: '"(optional)" is the native German word' },
  // Filipino banking apps (BDO, BPI, GCash) print these English terms as they are; a
  // padded "Sa debit card" or respelled "Kard" reads as a translation artefact.
  ...['destination.debit', 'destination.credit', 'destination.ach', 'brand.unknown'].map(
    (key): SameAsEnglish => ({
      key,
      locales: ['tl-PH'],
      reason: 'English loanword Filipino banking UI uses as is',
    }),
  ),
  {
    key: 'fields.zip_code.label',
    locales: ['tl-PH'],
    reason: '"ZIP code" is the term on Philippine forms for US addresses too',
  },
];

function mayEqualEnglish(code: Locale, key: string): boolean {
  return SAME_AS_ENGLISH.some(
    (entry) => entry.key === key && (entry.locales === undefined || entry.locales.includes(code)),
  );
}

/**
 * Locales of one language that must still differ where real usage differs. `minDiffering`
 * is the least number of keys whose values differ; en-GB is held to this instead of the
 * "never equal to en-US" rule, since most English strings are rightly the same.
 */
const FAMILY_PAIRS: readonly { a: Locale; b: Locale; minDiffering: number; why: string }[] = [
  { a: 'en-US', b: 'en-GB', minDiffering: 5, why: 'British spelling and banking terms' },
  { a: 'es-US', b: 'es-ES', minDiffering: 5, why: 'US Hispanic vs Spain vocabulary' },
  { a: 'zh-CN', b: 'zh-TW', minDiffering: 0.5, why: 'Traditional script: most strings differ' },
  { a: 'zh-Hans', b: 'zh-TW', minDiffering: 0.5, why: 'Traditional script: most strings differ' },
];

/** Values shorter than 1 mean "this share of en-US's keys". */
function requiredDifferences(minDiffering: number, reference: FlatLocale): number {
  return minDiffering < 1 ? Math.ceil(minDiffering * reference.size) : minDiffering;
}

function differingKeys(a: FlatLocale, b: FlatLocale): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((key) => a.get(key) !== b.get(key));
}

/**
 * Locales whose files may be identical: zh-Hans is read by mainland readers, so it is the
 * same Simplified Chinese as zh-CN (Hong Kong words such as 户口, "household registration"
 * on the mainland, would be wrong there).
 */
const SAME_TEXT_ALLOWED: readonly (readonly [Locale, Locale])[] = [['zh-CN', 'zh-Hans']];

function mayBeCopies(a: Locale, b: Locale): boolean {
  return SAME_TEXT_ALLOWED.some(
    ([left, right]) => (left === a && right === b) || (left === b && right === a),
  );
}

/** Integer counts a plural category of `code` is chosen for, checked up to 1000. */
function countsInCategory(code: Locale, category: string): number[] {
  const rule = pluralRuleFor(code);
  return Array.from({ length: 1001 }, (_, count) => count).filter(
    (count) => rule.select(count) === category,
  );
}

/**
 * A plural form may say its number in words ("محاولة واحدة", "one attempt") and drop
 * `{{count}}` only when its CLDR category stands for that single number in this language:
 * Arabic `zero`/`one`/`two`. Persian `one` also covers 0, French `one` 0 and 1, Filipino
 * `one` 1, 2, 3, 5… — there the number must stay.
 */
function mayOmitCount(code: Locale, key: string): boolean {
  const category = splitPluralKey(key)?.category;
  return category !== undefined && countsInCategory(code, category).length === 1;
}

const isCountPlaceholder = (placeholder: string) => /^\{\{count\b/.test(placeholder);

/** Every rule of the brief checked for one locale; returns one line per problem. */
function problemsOf(code: Locale, locale: FlatLocale, reference: FlatLocale): string[] {
  const problems: string[] = [];
  const pluralBases = pluralBasesOf(reference);
  const expectedCategories = pluralCategoriesFor(code);
  const englishFormsOf = (base: string) =>
    [...reference.entries()].filter(([key]) => baseKeyOf(key, pluralBases) === base);
  const referencePlaceholders = (base: string) =>
    new Set(englishFormsOf(base).flatMap(([, value]) => [...placeholdersOf(String(value))]));

  // Non-plural keys: present, non-empty strings.
  for (const key of reference.keys()) {
    if (pluralBases.has(baseKeyOf(key, pluralBases))) continue;
    if (!locale.has(key)) problems.push(`${code} ${key}: missing`);
  }
  // Plural keys: exactly the categories the widget's plural resolver asks for.
  for (const base of pluralBases) {
    const present = [...locale.keys()]
      .map(splitPluralKey)
      .filter((plural) => plural?.base === base)
      .map((plural) => plural?.category as string);
    if (!sameSet(new Set(present), new Set(expectedCategories))) {
      problems.push(
        `${code} ${base}: plural forms [${present.join(', ')}], expected [${expectedCategories.join(', ')}]`,
      );
    }
    if (locale.has(base)) problems.push(`${code} ${base}: unsuffixed key next to plural forms`);
  }

  for (const [key, value] of locale) {
    const base = baseKeyOf(key, pluralBases);
    const isPluralForm = pluralBases.has(base);
    if (!isPluralForm && !reference.has(key)) {
      problems.push(`${code} ${key}: extra key, not in ${REFERENCE}`);
      continue;
    }
    if (isPluralForm && !expectedCategories.includes(splitPluralKey(key)?.category ?? 'other')) {
      continue; // already reported as a plural mismatch
    }
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${code} ${key}: must be a non-empty string, got ${JSON.stringify(value)}`);
      continue;
    }
    const actual = placeholdersOf(value);
    const expected = new Set(
      [...referencePlaceholders(base)].filter(
        (placeholder) =>
          !(isCountPlaceholder(placeholder) && !actual.has(placeholder) && mayOmitCount(code, key)),
      ),
    );
    if (!sameSet(actual, expected)) {
      problems.push(
        `${code} ${key}: placeholders [${[...actual].join(' ')}], expected [${[...expected].join(' ')}]`,
      );
    }
    const english = englishFormsOf(base).find(([, englishValue]) => englishValue === value);
    if (code !== REFERENCE && code !== 'en-GB' && english && !mayEqualEnglish(code, key)) {
      problems.push(
        `${code} ${key}: same as ${REFERENCE} (${JSON.stringify(value)}), not translated`,
      );
    }
  }
  return problems;
}

describe('locale files', () => {
  const reference = load(REFERENCE);

  it(`${REFERENCE} exists and defines every plural with _one and _other`, () => {
    expect(reference, `locales/${REFERENCE}.json is missing`).toBeDefined();
    expect(pluralBasesOf(reference ?? new Map()).size).toBeGreaterThan(0);
  });

  for (const code of LOCALES) {
    it(`${code} has every key, the plural forms of its language, en-US's placeholders and no English leftovers`, () => {
      const locale = load(code);
      expect(locale, `locales/${code}.json is missing`).toBeDefined();
      if (!locale || !reference) return;
      expect(problemsOf(code, locale, reference), `problems in locales/${code}.json`).toEqual([]);
    });
  }

  for (const { a, b, minDiffering, why } of FAMILY_PAIRS) {
    it(`${a} and ${b} differ where usage differs (${why})`, () => {
      const left = load(a);
      const right = load(b);
      expect(left, `locales/${a}.json is missing`).toBeDefined();
      expect(right, `locales/${b}.json is missing`).toBeDefined();
      if (!left || !right || !reference) return;
      const differing = differingKeys(left, right);
      const required = requiredDifferences(minDiffering, reference);
      expect(
        differing.length,
        `${a} and ${b} differ in only ${differing.length} keys (${differing.join(', ')}); need at least ${required}`,
      ).toBeGreaterThanOrEqual(required);
    });
  }

  it('a plural form may drop {{count}} only where its category stands for one number', () => {
    expect(mayOmitCount('ar-SA', 'x_one')).toBe(true);
    expect(mayOmitCount('ar-SA', 'x_two')).toBe(true);
    expect(mayOmitCount('ar-SA', 'x_few')).toBe(false);
    // Persian `one` is 0 and 1; French `one` 0 and 1; Filipino `one` 1, 2, 3, 5…
    expect(mayOmitCount('fa-IR', 'x_one')).toBe(false);
    expect(mayOmitCount('fr-FR', 'x_one')).toBe(false);
    expect(mayOmitCount('tl-PH', 'x_one')).toBe(false);
  });

  it('no locale file is a copy of another, except zh-Hans of zh-CN (both mainland Simplified)', () => {
    const present = LOCALES.flatMap((code) => {
      const locale = load(code);
      return locale ? [{ code, locale }] : [];
    });
    const copies: string[] = [];
    for (const [index, left] of present.entries()) {
      for (const right of present.slice(index + 1)) {
        if (
          differingKeys(left.locale, right.locale).length === 0 &&
          !mayBeCopies(left.code, right.code)
        ) {
          copies.push(`${left.code} = ${right.code}`);
        }
      }
    }
    expect(copies, 'identical locale files').toEqual([]);
  });
});
