import { describe, expect, it } from 'vitest';
import { createWidgetI18n } from '../i18n';
import { numberFormatFor } from './numberFormat';

describe('numbers in the widget follow each locale file', () => {
  it('ar-SA counts use Latin digits, like its strings and fields', async () => {
    const i18n = await createWidgetI18n();
    await i18n.setLocale('ar-SA');
    expect(i18n.formatNumber(1234)).toBe('1,234');
    const sentence = i18n.t('account_entry.error_summary', { count: 5 });
    expect(sentence).toContain('5');
    expect(sentence).not.toMatch(/[\u0660-\u0669]/);
  });

  it('fa-IR counts use Persian digits, the convention of Persian prose', async () => {
    const i18n = await createWidgetI18n();
    await i18n.setLocale('fa-IR');
    expect(i18n.formatNumber(12)).toBe('۱۲');
    expect(i18n.t('account_entry.error_summary', { count: 5 })).toContain('۵');
  });

  it('a locale without Intl data (hmn-Latn) counts in Latin digits', async () => {
    const i18n = await createWidgetI18n();
    await i18n.setLocale('hmn-Latn');
    expect(i18n.t('account_entry.error_summary', { count: 3 })).toContain('3');
    expect(numberFormatFor('hmn-Latn').format(1234)).toBe('1,234');
  });
});
