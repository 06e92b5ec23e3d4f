import { LOCALES, type Locale } from '../../protocol';
import { LANGUAGE_AUTONYMS } from '../i18n/languages';
import { useWidget } from './WidgetContext';

/** Props of {@link LanguageSwitcher}. */
export interface LanguageSwitcherProps {
  /** The chosen locale and its name in its own language (for the status announcement). */
  onChange(locale: Locale, languageName: string): void;
}

/**
 * A select listing each locale by its own name, each option tagged with its `lang` so screen
 * readers pronounce it right. The choice is kept for the session by the app.
 */
export function LanguageSwitcher({ onChange }: LanguageSwitcherProps) {
  const { t, locale } = useWidget();
  return (
    <div class="language-switcher">
      <label for="tf-language">{t('language.label')}</label>
      <select
        id="tf-language"
        value={locale}
        onChange={(event) => {
          const code = (event.currentTarget as HTMLSelectElement).value as Locale;
          onChange(code, LANGUAGE_AUTONYMS[code]);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_AUTONYMS[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
