import type { Locale } from '../../../protocol/constants';
import enUS from '../../../locales/en-US.json' with { type: 'json' };
import arSA from '../../../locales/ar-SA.json' with { type: 'json' };
import csCZ from '../../../locales/cs-CZ.json' with { type: 'json' };
import daDK from '../../../locales/da-DK.json' with { type: 'json' };
import deDE from '../../../locales/de-DE.json' with { type: 'json' };
import enGB from '../../../locales/en-GB.json' with { type: 'json' };
import esES from '../../../locales/es-ES.json' with { type: 'json' };
import esUS from '../../../locales/es-US.json' with { type: 'json' };
import faIR from '../../../locales/fa-IR.json' with { type: 'json' };
import fiFI from '../../../locales/fi-FI.json' with { type: 'json' };
import frFR from '../../../locales/fr-FR.json' with { type: 'json' };
import hmnLatn from '../../../locales/hmn-Latn.json' with { type: 'json' };
import itIT from '../../../locales/it-IT.json' with { type: 'json' };
import jaJP from '../../../locales/ja-JP.json' with { type: 'json' };
import kmKH from '../../../locales/km-KH.json' with { type: 'json' };
import koKR from '../../../locales/ko-KR.json' with { type: 'json' };
import nbNO from '../../../locales/nb-NO.json' with { type: 'json' };
import nlNL from '../../../locales/nl-NL.json' with { type: 'json' };
import plPL from '../../../locales/pl-PL.json' with { type: 'json' };
import ptBR from '../../../locales/pt-BR.json' with { type: 'json' };
import ruRU from '../../../locales/ru-RU.json' with { type: 'json' };
import svSE from '../../../locales/sv-SE.json' with { type: 'json' };
import tlPH from '../../../locales/tl-PH.json' with { type: 'json' };
import trTR from '../../../locales/tr-TR.json' with { type: 'json' };
import viVN from '../../../locales/vi-VN.json' with { type: 'json' };
import zhCN from '../../../locales/zh-CN.json' with { type: 'json' };
import zhHans from '../../../locales/zh-Hans.json' with { type: 'json' };
import zhTW from '../../../locales/zh-TW.json' with { type: 'json' };

/**
 * Every locale's widget strings, imported so that the bundler inlines them: the package reads
 * nothing of the repository at run time. `npm run pack` keeps only the strings the Playwright
 * helpers find the widget by (see `LABEL_PATHS` in widgetLabels.ts).
 */
export const LOCALE_MESSAGES = {
  'en-US': enUS,
  'ar-SA': arSA,
  'cs-CZ': csCZ,
  'da-DK': daDK,
  'de-DE': deDE,
  'en-GB': enGB,
  'es-ES': esES,
  'es-US': esUS,
  'fa-IR': faIR,
  'fi-FI': fiFI,
  'fr-FR': frFR,
  'hmn-Latn': hmnLatn,
  'it-IT': itIT,
  'ja-JP': jaJP,
  'km-KH': kmKH,
  'ko-KR': koKR,
  'nb-NO': nbNO,
  'nl-NL': nlNL,
  'pl-PL': plPL,
  'pt-BR': ptBR,
  'ru-RU': ruRU,
  'sv-SE': svSE,
  'tl-PH': tlPH,
  'tr-TR': trTR,
  'vi-VN': viVN,
  'zh-CN': zhCN,
  'zh-Hans': zhHans,
  'zh-TW': zhTW,
} satisfies Record<Locale, object>;
