import { formattingLocaleFor } from './localeRules';

/**
 * Digits per locale where the CLDR default is not what the locale's own file writes
 * (PRODUCT.md §6: numbers follow the locale). ar-SA defaults to Arabic-Indic digits, but its
 * strings, its cards and every field of the widget show Latin digits, so counts do too;
 * fa-IR keeps CLDR's Persian digits, the native convention in Persian prose.
 */
const NUMBERING_SYSTEM: Readonly<Record<string, string>> = { 'ar-SA': 'latn' };

/**
 * The integer formatter for `locale`: the one `{{count, number}}` in every string and the
 * widget's `formatNumber` both use, so a count never shows other digits than its sentence.
 * Locales `Intl` has no data for format like en-US (see `formattingLocaleFor`).
 */
export function numberFormatFor(locale: string): Intl.NumberFormat {
  const numberingSystem = NUMBERING_SYSTEM[locale];
  return new Intl.NumberFormat(
    formattingLocaleFor(locale),
    numberingSystem ? { numberingSystem } : {},
  );
}
