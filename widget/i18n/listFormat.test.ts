import { describe, expect, it } from 'vitest';
import { createWidgetI18n } from '../i18n';
import { formatConjunctionList, hasListData } from './listFormat';

const FIELDS = ['A', 'B', 'C'];

describe('conjunction lists', () => {
  it('use Intl data where the runtime has it', () => {
    expect(hasListData('de-DE')).toBe(true);
    expect(formatConjunctionList('de-DE', FIELDS, () => 'unused')).toBe('A, B und C');
  });

  it('use the locale file\'s "and" for Hmong, which no runtime has list data for', async () => {
    expect(hasListData('hmn-Latn')).toBe(false);
    const i18n = await createWidgetI18n();
    await i18n.setLocale('hmn-Latn');
    const joinLast = (first: string, last: string) => i18n.t('common.list_and', { first, last });
    expect(formatConjunctionList('hmn-Latn', FIELDS, joinLast)).toBe('A, B thiab C');
    expect(formatConjunctionList('hmn-Latn', ['A', 'B'], joinLast)).toBe('A thiab B');
    expect(formatConjunctionList('hmn-Latn', ['A'], joinLast)).toBe('A');
  });

  it('every locale file has its own "and" for when its runtime lacks data', async () => {
    const i18n = await createWidgetI18n();
    await i18n.setLocale('km-KH');
    expect(i18n.t('common.list_and', { first: 'A, B', last: 'C' })).toBe('A, B និង C');
  });

  it('are what `{{fields, list}}` in a string gives, in every locale', async () => {
    const i18n = await createWidgetI18n();
    const key = 'account_entry.verification.mismatched_fields';
    expect(i18n.t(key, { fields: FIELDS })).toBe('Check these fields: A, B, and C.');
    await i18n.setLocale('hmn-Latn');
    expect(i18n.t(key, { fields: FIELDS })).toContain('A, B thiab C');
  });
});
