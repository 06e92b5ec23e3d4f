/**
 * Plural and number rules per locale, with a fallback for locales the runtime's `Intl` has
 * no data for. Without this, `new Intl.PluralRules('hmn-Latn')` silently resolves to the
 * runtime's default locale (English: `one`/`other`), which is wrong for Hmong, a language
 * without grammatical plural: there the single category `other` is right.
 */

/** The slice of `Intl.PluralRules` i18next uses. */
export interface PluralRule {
  select(count: number): Intl.LDMLPluralRule;
  resolvedOptions(): { pluralCategories: Intl.LDMLPluralRule[] };
}

const OTHER_ONLY: PluralRule = {
  select: () => 'other',
  resolvedOptions: () => ({ pluralCategories: ['other'] }),
};

/** True when the runtime has real plural data for `locale` (or its language). */
export function hasPluralData(locale: string): boolean {
  try {
    return Intl.PluralRules.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

/** Cardinal plural rule for `locale`; `other` only when the runtime lacks data for it. */
export function pluralRuleFor(locale: string, type: Intl.PluralRuleType = 'cardinal'): PluralRule {
  if (!hasPluralData(locale)) return OTHER_ONLY;
  return new Intl.PluralRules(locale, { type });
}

/** The plural categories a translation for `locale` must provide, in CLDR order. */
export function pluralCategoriesFor(locale: string): Intl.LDMLPluralRule[] {
  const order: Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
  const categories = pluralRuleFor(locale).resolvedOptions().pluralCategories;
  return order.filter((category) => categories.includes(category));
}

/**
 * The locale to hand to `Intl.NumberFormat` / `DateTimeFormat`: the locale itself when the
 * runtime knows it, else `en-US`, whose Latin digits and grouping Hmong text also uses.
 */
export function formattingLocaleFor(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-US';
  } catch {
    return 'en-US';
  }
}
