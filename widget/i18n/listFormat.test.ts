import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../protocol/constants';
import { createWidgetI18n } from '../i18n';
import { formatConjunctionList } from './listFormat';

/**
 * Locales whose file may differ from the runtime's CLDR data: Hmong has no CLDR list data in
 * any runtime (Node answers in English), and Node's Khmer "2" pattern glues the last item on
 * with a zero-width space where the file keeps a plain one (Chromium has no Khmer data).
 */
const OWN_PATTERNS: readonly Locale[] = ['hmn-Latn', 'km-KH'];

const ITEMS = ['Visa', 'Mastercard', 'American Express', 'Discover', 'Maestro'];

describe('conjunction lists', () => {
  it('join two items with the pair pattern and longer lists with the separator and the last pattern', () => {
    const patterns = {
      pair: (first: string, last: string) => `${first} & ${last}`,
      last: (first: string, last: string) => `${first} +& ${last}`,
      separator: ' | ',
    };
    expect(formatConjunctionList([], patterns)).toBe('');
    expect(formatConjunctionList(['A'], patterns)).toBe('A');
    expect(formatConjunctionList(['A', 'B'], patterns)).toBe('A & B');
    expect(formatConjunctionList(['A', 'B', 'C', 'D'], patterns)).toBe('A | B | C +& D');
  });

  it.each(LOCALES.filter((code) => !OWN_PATTERNS.includes(code)))(
    '%s: the locale file gives what Intl.ListFormat (CLDR) gives, for 1 to 5 items',
    async (code) => {
      const i18n = await createWidgetI18n(code);
      for (let count = 1; count <= ITEMS.length; count += 1) {
        const items = ITEMS.slice(0, count);
        expect(i18n.t('fields.card_number.accepted', { brands: items })).toContain(
          new Intl.ListFormat(code).format(items),
        );
      }
    },
  );

  it('Hmong and Khmer use their own "and"', async () => {
    const i18n = await createWidgetI18n('hmn-Latn');
    const key = 'account_entry.verification.mismatched_fields';
    expect(i18n.t(key, { fields: ['A', 'B', 'C'] })).toContain('A, B thiab C');
    expect(i18n.t(key, { fields: ['A', 'B'] })).toContain('A thiab B');
    await i18n.setLocale('km-KH');
    expect(i18n.t(key, { fields: ['A', 'B', 'C'] })).toContain('A, B និង C');
  });

  it('is what `{{fields, list}}` in a string gives', async () => {
    const i18n = await createWidgetI18n();
    const key = 'account_entry.verification.mismatched_fields';
    expect(i18n.t(key, { fields: ['A', 'B', 'C'] })).toBe('Check these fields: A, B, and C.');
    expect(i18n.t(key, { fields: ['A', 'B'] })).toBe('Check these fields: A and B.');
  });
});
