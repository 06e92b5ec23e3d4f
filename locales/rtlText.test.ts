import { describe, expect, it } from 'vitest';
import { RTL_LOCALES, type Locale } from '../protocol/constants';
import { flattenLocale, placeholdersOf } from './localeShape';

/**
 * Right-to-left locale files (PRODUCT.md §6): inside Arabic or Persian text, a run like
 * `12345-6789` or `04/29` is reordered by the Unicode bidi algorithm (digits after Arabic
 * letters become "Arabic numbers", and the hyphen between them stays neutral), so the reader
 * sees `6789-12345`. Every Latin example and number sequence is wrapped in a left-to-right
 * isolate (U+2066 LRI or U+2068 FSI … U+2069 PDI).
 */

const FILES = import.meta.glob<unknown>('./*.json', { eager: true, import: 'default' });

function stringsOf(code: Locale): [string, string][] {
  const tree = FILES[`./${code}.json`];
  return [...flattenLocale(tree)].flatMap(([key, value]) =>
    typeof value === 'string' ? [[key, value] as [string, string]] : [],
  );
}

/** The text outside LRI/RLI/FSI … PDI isolates: what the surrounding paragraph reorders. */
export function outsideIsolates(text: string): string {
  return text.replace(/[\u2066\u2067\u2068][^\u2069]*\u2069/g, '');
}

/** The text without its `{{…}}` placeholders (`{{last4}}` is a name, not a number). */
function withoutPlaceholders(text: string): string {
  return text.replace(/\{\{[^{}]*\}\}/g, '');
}

const DIGIT = '[0-9\u0660-\u0669\u06f0-\u06f9]';
const NUMBER_RUN = new RegExp(`${DIGIT}\\s*[-/]\\s*${DIGIT}`);
const LATIN_EXAMPLE = /[A-Za-z0-9]+@[A-Za-z0-9.]+|[A-Z]{2,}\+\d/;

describe('bidi isolation in right-to-left locale files', () => {
  it.each(RTL_LOCALES)(
    '%s isolates every number run with "-" or "/" and every Latin example',
    (code) => {
      const unisolated = stringsOf(code)
        .filter(([, value]) => {
          const outside = outsideIsolates(value);
          return NUMBER_RUN.test(outside) || LATIN_EXAMPLE.test(outside);
        })
        .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
      expect(unisolated).toEqual([]);
    },
  );

  // A bank, biller or brand name, a language name or digits may be in either script: inside
  // Arabic or Persian text each interpolated value is its own isolate (U+2068 FSI, U+2066 LRI
  // for digits). Counts and the translated field labels of a list are the locale's own text.
  it.each(RTL_LOCALES)('%s isolates every interpolated name and number', (code) => {
    const bare = stringsOf(code)
      .filter(([, value]) =>
        [...placeholdersOf(outsideIsolates(value))].some(
          (placeholder) => !/^\{\{(count|fields|first|last)\b/.test(placeholder),
        ),
      )
      .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
    expect(bare).toEqual([]);
  });

  it.each(RTL_LOCALES)('%s closes every isolate it opens', (code) => {
    const unbalanced = stringsOf(code)
      .filter(
        ([, value]) =>
          (value.match(/[\u2066\u2067\u2068]/g) ?? []).length !==
          (value.match(/\u2069/g) ?? []).length,
      )
      .map(([key]) => key);
    expect(unbalanced).toEqual([]);
  });

  it('the check itself sees through isolates only', () => {
    expect(NUMBER_RUN.test(outsideIsolates('مثل 12345-6789.'))).toBe(true);
    expect(NUMBER_RUN.test(outsideIsolates('مثل \u206612345-6789\u2069.'))).toBe(false);
    expect(NUMBER_RUN.test(outsideIsolates('مثل ۰۴/۲۹'))).toBe(true);
  });
});

describe('one digit system per right-to-left file', () => {
  // ar-SA: Saudi banking apps and cards print Latin digits, and every field shows them, so
  // prose uses them too (the lower-risk choice: nothing to convert between text and input).
  it('ar-SA writes every number in Latin digits', () => {
    const native = stringsOf('ar-SA')
      .filter(([, value]) => /[\u0660-\u0669\u06f0-\u06f9]/.test(value))
      .map(([key]) => key);
    expect(native).toEqual([]);
  });

  // fa-IR: Persian prose writes Persian digits (۹ رقم); only isolated examples of what to
  // type stay Latin, since the fields fold Persian digits to Latin as they are typed.
  it('fa-IR writes Persian digits in prose and Latin digits only inside isolated examples', () => {
    const latinInProse = stringsOf('fa-IR')
      .filter(([, value]) => /[0-9\u0660-\u0669]/.test(withoutPlaceholders(outsideIsolates(value))))
      .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
    expect(latinInProse).toEqual([]);
  });
});
