import type { Locale } from '../../protocol/constants';

/**
 * Each locale named in its own language, for the language switcher. A static map rather
 * than `Intl.DisplayNames`: the runtime may lack data for some (Hmong, Khmer) and the names
 * must not change with the active locale.
 */
export const LANGUAGE_AUTONYMS: Readonly<Record<Locale, string>> = {
  'en-US': 'English (United States)',
  'ar-SA': 'العربية',
  'cs-CZ': 'Čeština',
  'da-DK': 'Dansk',
  'de-DE': 'Deutsch',
  'en-GB': 'English (United Kingdom)',
  'es-ES': 'Español (España)',
  'es-US': 'Español (Estados Unidos)',
  'fa-IR': 'فارسی',
  'fi-FI': 'Suomi',
  'fr-FR': 'Français',
  'hmn-Latn': 'Hmoob',
  'it-IT': 'Italiano',
  'ja-JP': '日本語',
  'km-KH': 'ខ្មែរ',
  'ko-KR': '한국어',
  'nb-NO': 'Norsk bokmål',
  'nl-NL': 'Nederlands',
  'pl-PL': 'Polski',
  'pt-BR': 'Português (Brasil)',
  'ru-RU': 'Русский',
  'sv-SE': 'Svenska',
  'tl-PH': 'Tagalog',
  'tr-TR': 'Türkçe',
  'vi-VN': 'Tiếng Việt',
  'zh-CN': '中文（中国大陆）',
  'zh-Hans': '中文（简体）',
  'zh-TW': '中文（台灣）',
};
