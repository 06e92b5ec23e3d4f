/**
 * A pseudo-locale made from en-US at test time: every letter accented, the text padded to
 * about 40% longer (the growth German or Finnish bring), and each string wrapped in ⟦…⟧ so
 * that any English the widget shows outside a translation stands out. `{{…}}` placeholders
 * are left as they are, so i18next still interpolates and pluralises.
 */

/** Opens and closes every pseudo-translated string. */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

// prettier-ignore
const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ď', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ',
  l: 'ĺ', m: 'ɱ', n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ',
  w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž', A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ď', E: 'É', F: 'Ƒ', G: 'Ĝ',
  H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ', N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ',
  S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

const VOWELS = /[aeiouAEIOU]/;
/** Placeholders (`{{count, number}}`) and nesting (`$t(key)`) stay byte for byte. */
const PLACEHOLDER = /(\{\{[^}]*\}\}|\$t\([^)]*\))/;
/** Short padding words: long text must still be able to wrap, as real translations do. */
const PADDING_WORD = ' ŀőŕéɱ';
const TARGET_GROWTH = 1.4;

/** Accents and lengthens the text between placeholders. */
function pseudoText(text: string): string {
  // Doubling vowels lengthens the words themselves, as compounds do in real languages.
  return Array.from(text, (char) => {
    const accented = ACCENTED[char] ?? char;
    return VOWELS.test(char) ? accented + accented : accented;
  }).join('');
}

/** One en-US string in the pseudo-locale. */
export function pseudoString(english: string): string {
  const parts = english.split(PLACEHOLDER);
  const visibleLength = (pieces: string[]) =>
    pieces.filter((_, index) => index % 2 === 0).join('').length;
  const pseudo = parts.map((part, index) => (index % 2 === 1 ? part : pseudoText(part)));
  let padded = pseudo.join('');
  const target = Math.ceil(visibleLength(parts) * TARGET_GROWTH);
  let length = visibleLength(pseudo);
  while (length < target) {
    padded += PADDING_WORD;
    length += PADDING_WORD.length;
  }
  return `${PSEUDO_OPEN}${padded}${PSEUDO_CLOSE}`;
}

/** The whole en-US catalogue, every string replaced by {@link pseudoString}. */
export function pseudoCatalogue(english: unknown): unknown {
  if (typeof english === 'string') return pseudoString(english);
  if (english && typeof english === 'object')
    return Object.fromEntries(
      Object.entries(english).map(([key, value]) => [key, pseudoCatalogue(value)]),
    );
  return english;
}

/**
 * The catalogue as the ES module a locale chunk is: the widget reads `module.default`
 * (`widget/i18n.ts`), as Vite's JSON chunks export it.
 */
export function pseudoLocaleModule(english: unknown): string {
  return `export default ${JSON.stringify(pseudoCatalogue(english))};\n`;
}

/** Removes every pseudo-translated stretch (nested ones included) from `text`. */
export function withoutPseudoText(text: string): string {
  let rest = text;
  for (;;) {
    const next = rest.replace(/⟦[^⟦⟧]*⟧/g, '');
    if (next === rest) return rest;
    rest = next;
  }
}
