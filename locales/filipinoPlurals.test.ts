import { describe, expect, it } from 'vitest';
import { flattenLocale, pluralBasesOf } from './localeShape';
import enUS from './en-US.json';
import { createWidgetI18n } from '../widget/i18n';

/**
 * CLDR's Filipino `one` is not "singular": it covers 1, 2, 3, 5, 7, 8, 10… (`other` only 4,
 * 6, 9…). So a tl-PH `_one` string that says "the field" is shown for 2 or 3 errors too. Every
 * tl-PH plural must therefore read the same, whatever the count.
 */
describe('tl-PH plurals', () => {
  const bases = [...pluralBasesOf(flattenLocale(enUS))];

  it.each(bases)('%s reads the same sentence for every count from 1 to 10', async (base) => {
    const i18n = await createWidgetI18n();
    await i18n.setLocale('tl-PH');
    const sentences = Array.from({ length: 10 }, (_, index) => {
      const count = index + 1;
      const text = i18n.t(base, { count });
      expect(text, `count ${count}`).toContain(String(count));
      return text.replace(String(count), '#');
    });
    expect(new Set(sentences)).toEqual(new Set([sentences[3]]));
  });
});
