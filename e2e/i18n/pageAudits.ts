import type { Frame } from 'playwright-core';
import { BANK_DIRECTORY } from '../../protocol/bankDirectory';
import { withoutPseudoText } from './pseudoLocale';

/**
 * Text the widget may show untranslated: data, not copy. Language names are each in their own
 * language (the switcher), US state names are proper nouns from `usStates.ts`, and bank and
 * biller names come from the shipped directories.
 */
const DATA_SELECTORS = [
  '#tf-language option',
  '#state option:not([value=""])',
  '[role="radiogroup"] label',
];
/** Bank names as the service returns them (the confirmation shows the name on its own). */
const BANK_NAMES = new Set(Object.values(BANK_DIRECTORY));

/** One piece of text the recipient can see or hear, with where it was found. */
interface ShownText {
  where: string;
  text: string;
}

/**
 * Every text node and every human-facing attribute (`placeholder`, `aria-label`, `title`,
 * `alt`) in the frame's document that is rendered (screen-reader-only text included), plus
 * the document title, minus {@link DATA_SELECTORS}.
 */
function shownTexts(frame: Frame): Promise<ShownText[]> {
  return frame.evaluate((dataSelectors) => {
    const shown: { where: string; text: string }[] = [
      { where: 'document.title', text: document.title },
    ];
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
        element.className && typeof element.className === 'string'
          ? `.${element.className.trim().split(/\s+/).join('.')}`
          : ''
      }`;
    const isData = (element: Element) =>
      dataSelectors.some((selector) => element.closest(selector) !== null);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || !text || isData(parent)) continue;
      // Options are never "visible" to checkVisibility, yet the recipient reads them.
      if (!parent.closest('option') && !parent.checkVisibility()) continue;
      shown.push({ where: describe(parent), text });
    }
    for (const element of document.body.querySelectorAll(
      '[placeholder],[aria-label],[title],[alt]',
    )) {
      if (isData(element)) continue;
      for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
        const value = element.getAttribute(name)?.trim();
        if (value) shown.push({ where: `${describe(element)}[${name}]`, text: value });
      }
    }
    return shown;
  }, DATA_SELECTORS);
}

/**
 * Text shown in the frame that did not come from the pseudo-locale: anything with a letter
 * left once every ⟦…⟧ stretch is removed (digits, punctuation and masked numbers pass).
 */
export async function unlocalizedTexts(frame: Frame): Promise<string[]> {
  return (await shownTexts(frame))
    .map(({ where, text }) => ({ where, rest: withoutPseudoText(text), text }))
    .filter(({ rest }) => /\p{L}/u.test(rest) && !BANK_NAMES.has(rest.trim()))
    .map(({ where, text }) => `${where}: ${JSON.stringify(text)}`);
}

/**
 * Layout problems in the frame at its current width: the document scrolling sideways, an
 * element reaching past the viewport, content wider or taller than its box (clipped when
 * the box hides overflow, spilling out otherwise), or a word broken across lines. Screen-
 * reader-only text is clipped on purpose and skipped; form controls scroll their own value
 * and are only checked for extent. Words are found with `Intl.Segmenter` in the document's
 * language, so Khmer (written without spaces) is cut into words too; Chinese, Japanese and
 * Korean may break between any two characters, so they are not checked for it.
 */
export function layoutProblems(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const viewport = root.clientWidth;
    if (root.scrollWidth > viewport + 1)
      problems.push(`document scrolls sideways: ${root.scrollWidth} > ${viewport}`);
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (element.closest('.visually-hidden, option, script, style')) continue;
      if (!element.checkVisibility()) continue;
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
        typeof element.className === 'string' && element.className
          ? `.${element.className.trim().split(/\s+/).join('.')}`
          : ''
      } "${(element.textContent ?? '').trim().slice(0, 40)}"`;
      const box = element.getBoundingClientRect();
      if (box.right > viewport + 1 || box.left < -1)
        problems.push(
          `${name} extends past the viewport (${box.left}–${box.right} of ${viewport})`,
        );
      if (element.matches('input, select, textarea')) continue;
      if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0)
        problems.push(
          `${name} overflows sideways: ${element.scrollWidth} > ${element.clientWidth}`,
        );
      const style = getComputedStyle(element);
      const clipsY = ['hidden', 'clip'].includes(style.overflowY);
      if (clipsY && element.scrollHeight > element.clientHeight + 1)
        problems.push(
          `${name} clips vertically: ${element.scrollHeight} > ${element.clientHeight}`,
        );
    }
    // A box squeezed narrower than a word (a flex item shrunk by `overflow-wrap: anywhere`)
    // breaks the word across lines: readable, but broken.
    const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    const segmenter = new Intl.Segmenter(document.documentElement.lang || 'en', {
      granularity: 'word',
    });
    const range = document.createRange();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('.visually-hidden, option, script, style')) continue;
      if (!parent.checkVisibility()) continue;
      for (const word of segmenter.segment(node.textContent ?? '')) {
        // CJK text may break between any two characters (UAX #14): not a defect there.
        if (!word.isWordLike || CJK.test(word.segment)) continue;
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word.segment.length);
        const lines = new Set(
          Array.from(range.getClientRects())
            .filter((rect) => rect.width > 0)
            .map((rect) => Math.round(rect.top)),
        );
        if (lines.size > 1) problems.push(`"${word.segment}" is broken across ${lines.size} lines`);
      }
    }
    return problems;
  });
}
