import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decompress } from 'wawoff2';
import { buildFolderOnce } from './buildFolderOnce';

/**
 * The Noto families the 28 locales need (PRODUCT.md §6), each from its npm package:
 * Latin, Latin Extended, Cyrillic and Vietnamese; Arabic (ar-SA, fa-IR); Khmer; the four
 * CJK regional forms; and a monospace face for the demo's logs.
 */
export const FONT_PACKAGES = [
  '@fontsource-variable/noto-sans',
  '@fontsource-variable/noto-sans-mono',
  '@fontsource-variable/noto-sans-arabic',
  '@fontsource-variable/noto-sans-khmer',
  '@fontsource-variable/noto-sans-sc',
  '@fontsource-variable/noto-sans-tc',
  '@fontsource-variable/noto-sans-jp',
  '@fontsource-variable/noto-sans-kr',
] as const;

/** The fonts ready for Chromium, and the fontconfig file that lists only them. */
export interface NpmFonts {
  /** Give this to Chromium as `FONTCONFIG_FILE`. */
  fontconfigFile: string;
  /** How many font files it lists. */
  fontFiles: number;
}

/**
 * Makes the npm Noto fonts visible to Chromium on Linux, with no system font or fontconfig
 * installed: decompresses each package's variable WOFF2 files (upright, weight axis) to TTF
 * under `node_modules/.cache/tokenframe-fonts/<digest>/` and writes a fontconfig file that
 * lists that folder and nothing else, so that every machine renders with the same fonts.
 *
 * Why TTF: Chromium takes system fonts from fontconfig but only loads TrueType and OpenType
 * files from it; WOFF and WOFF2 listed there are skipped (the text renders as nothing).
 * Decompressing ~470 small files takes about half a second, once per set of package versions.
 */
export async function prepareNpmFonts(): Promise<NpmFonts> {
  const require = createRequire(import.meta.url);
  const packages = FONT_PACKAGES.map((name) => {
    const root = dirname(require.resolve(`${name}/package.json`));
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    return { name, version, files: join(root, 'files') };
  });
  const digest = createHash('sha256')
    .update(packages.map(({ name, version }) => `${name}@${version}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const cacheRoot = join(dirname(require.resolve(`${FONT_PACKAGES[0]}/package.json`)), '..', '..');
  const target = join(cacheRoot, '.cache', 'tokenframe-fonts', digest);
  const fontconfigFile = join(target, 'fonts.conf');
  try {
    await buildFolderOnce(
      target,
      () => existsSync(fontconfigFile),
      async (staging) => {
        await mkdir(join(staging, 'ttf'));
        for (const { files } of packages) {
          const variable = readdirSync(files).filter((name) => name.endsWith('-wght-normal.woff2'));
          for (const file of variable) {
            const ttf = await decompress(readFileSync(join(files, file)));
            await writeFile(join(staging, 'ttf', file.replace(/\.woff2$/, '.ttf')), ttf);
          }
        }
        // It names the final folder: the file is read only after the rename.
        await writeFile(join(staging, 'fonts.conf'), fontconfigXml(target));
      },
    );
  } catch (error) {
    throw new Error(`Could not prepare the npm Noto fonts in ${target}: ${String(error)}`);
  }
  return { fontconfigFile, fontFiles: readdirSync(join(target, 'ttf')).length };
}

/**
 * Only the npm fonts, no system folder. The generic families the widget and the demo ask
 * for (`system-ui`, `sans-serif`, `monospace`) map to Noto; scripts that Noto Sans lacks
 * fall back to the family that covers them.
 */
function fontconfigXml(folder: string): string {
  const sans = ['Noto Sans', 'Noto Sans Arabic', 'Noto Sans Khmer', 'Noto Sans SC Thin']
    .map((family) => `<family>${family}</family>`)
    .join('');
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${folder}/ttf</dir>
  <cachedir>${folder}/fontconfig-cache</cachedir>
  <alias><family>sans-serif</family><prefer>${sans}</prefer></alias>
  <alias><family>system-ui</family><prefer>${sans}</prefer></alias>
  <alias><family>serif</family><prefer>${sans}</prefer></alias>
  <alias><family>monospace</family><prefer><family>Noto Sans Mono</family></prefer></alias>
${CJK_BY_LANGUAGE.map(
  ([lang, family]) => `  <match target="pattern">
    <test name="lang" compare="contains"><string>${lang}</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>${family}</string></edit>
  </match>`,
).join('\n')}
</fontconfig>
`;
}

/**
 * Han characters are shared by Chinese, Japanese and Korean but drawn differently in each, and
 * the subset files carry no language coverage for fontconfig to go by: the page's language
 * picks the regional family. Each matching rule puts its family first, so the later, more
 * specific Traditional Chinese rules win over plain `zh`. (The subsets name their family
 * after the variable font's default instance, "Thin"; the weight still follows the CSS.)
 */
const CJK_BY_LANGUAGE: readonly (readonly [lang: string, family: string])[] = [
  ['ja', 'Noto Sans JP Thin'],
  ['ko', 'Noto Sans KR Thin'],
  ['zh', 'Noto Sans SC Thin'],
  ['zh-tw', 'Noto Sans TC Thin'],
  ['zh-hk', 'Noto Sans TC Thin'],
  ['zh-mo', 'Noto Sans TC Thin'],
];
