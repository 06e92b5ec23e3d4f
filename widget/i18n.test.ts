import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCALES } from '../protocol';
import { createWidgetI18n, directionOf } from './i18n';
import { LANGUAGE_AUTONYMS } from './i18n/languages';
import { pluralCategoriesFor, pluralRuleFor } from './i18n/localeRules';

afterEach(() => vi.restoreAllMocks());

describe('widget i18n', () => {
  it('starts in en-US with plurals by count', async () => {
    const i18n = await createWidgetI18n();
    expect(i18n.locale()).toBe('en-US');
    expect(i18n.t('account_entry.attempts_remaining', { count: 1 })).toBe(
      'You have 1 attempt left.',
    );
    expect(i18n.t('account_entry.attempts_remaining', { count: 2 })).toBe(
      'You have 2 attempts left.',
    );
  });

  it('warns on a key that exists nowhere', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const i18n = await createWidgetI18n();
    i18n.t('no_such.key');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no_such.key'));
  });

  it('warns when the active locale lacks a key even though en-US fills it in', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const i18n = await createWidgetI18n();
    i18n.instance.addResourceBundle('de-DE', 'translation', { loading: { heading: 'Laden' } });
    await i18n.setLocale('de-DE');
    expect(i18n.t('loading.heading')).toBe('Laden');
    expect(warn).not.toHaveBeenCalled();
    expect(i18n.t('canceled.heading')).toBe('You canceled this request');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"canceled.heading" for de-DE'));
  });

  it("answers a string without values from the active locale's resources, not the translator", async () => {
    const i18n = await createWidgetI18n('fr-FR');
    const translate = vi.spyOn(i18n.instance, 't');
    expect(i18n.t('loading.heading')).toBe(
      i18n.instance.getResource('fr-FR', 'translation', 'loading.heading'),
    );
    expect(translate).not.toHaveBeenCalled();
    i18n.t('account_entry.attempts_remaining', { count: 2 });
    expect(translate).toHaveBeenCalledTimes(1);
  });

  it('interpolates values and plurals outside en-US, warning about nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const i18n = await createWidgetI18n('de-DE');
    expect(i18n.t('account_entry.attempts_remaining', { count: 1 })).toBe(
      'Sie haben noch 1 Versuch.',
    );
    // tl-PH is filed by i18next under fil-PH (Intl.getCanonicalLocales).
    await i18n.setLocale('tl-PH');
    expect(i18n.t('status.language_changed', { language: 'X' })).toBe('Napalitan na ang wika: X.');
    expect(warn).not.toHaveBeenCalled();
  });

  it("starts in the session's locale without downloading en-US", async () => {
    const i18n = await createWidgetI18n('de-DE');
    expect(i18n.locale()).toBe('de-DE');
    const german = i18n.t('canceled.heading');
    expect(i18n.instance.hasResourceBundle('en-US', 'translation')).toBe(false);
    expect(await i18n.setLocale('en-US')).toBe('en-US');
    const english = i18n.t('canceled.heading');
    expect(english).not.toBe('canceled.heading');
    expect(english).not.toBe(german);
  });

  it('starts in en-US when the session names an unknown locale', async () => {
    expect((await createWidgetI18n('xx-XX')).locale()).toBe('en-US');
  });

  it('falls back to en-US for an unknown locale code', async () => {
    const i18n = await createWidgetI18n();
    expect(await i18n.setLocale('xx-XX')).toBe('en-US');
  });

  it('reads ar-SA and fa-IR right to left, every other locale left to right', () => {
    expect(directionOf('ar-SA')).toBe('rtl');
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(LOCALES.filter((locale) => directionOf(locale) === 'rtl')).toEqual(['ar-SA', 'fa-IR']);
  });

  it('names every locale in its own language', () => {
    expect(Object.keys(LANGUAGE_AUTONYMS).sort()).toEqual([...LOCALES].sort());
    expect(LANGUAGE_AUTONYMS['fa-IR']).toBe('فارسی');
  });
});

describe('locale rules', () => {
  it('gives Hmong (no Intl plural data) the single category other', () => {
    expect(pluralCategoriesFor('hmn-Latn')).toEqual(['other']);
    expect(pluralRuleFor('hmn-Latn').select(1)).toBe('other');
  });
  it('keeps real plural data where Intl has it (Arabic has six categories)', () => {
    expect(pluralCategoriesFor('ar-SA')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(pluralCategoriesFor('en-US')).toEqual(['one', 'other']);
  });
});
