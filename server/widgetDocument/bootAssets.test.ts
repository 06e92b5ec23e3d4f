import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootAssets, injectBootAssets, type BootPreloadRequest } from './bootAssets';

const INDEX_HTML = `<!doctype html>
<html lang="en-US" dir="ltr" data-theme="light">
  <head>
    <script type="module" crossorigin src="/widget/assets/widget-abc.js"></script>
  </head>
  <body><div id="app"></div></body>
</html>
`;
const MANIFEST = {
  'index.html': { file: 'assets/widget-abc.js', isEntry: true },
  'darkTheme.css': { file: 'assets/theme-dark-abc.css', isEntry: true },
  '../locales/en-US.json': { file: 'assets/locale-en-US-abc.js', isDynamicEntry: true },
  'standaloneMode.ts': { file: 'assets/page-standaloneMode-abc.js', isDynamicEntry: true },
};
const DARK_LINK = '<link rel="stylesheet" crossorigin href="/widget/assets/theme-dark-abc.css">';

let widgetDir: string;
let withoutDarkTheme: string;

function writeBuild(dir: string, manifest: object): void {
  mkdirSync(join(dir, '.vite'), { recursive: true });
  writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
}

beforeAll(() => {
  widgetDir = mkdtempSync(join(tmpdir(), 'tokenframe-boot-'));
  writeBuild(widgetDir, MANIFEST);
  withoutDarkTheme = mkdtempSync(join(tmpdir(), 'tokenframe-boot-'));
  writeBuild(
    withoutDarkTheme,
    Object.fromEntries(Object.entries(MANIFEST).filter(([key]) => key !== 'darkTheme.css')),
  );
});

afterAll(() => {
  for (const dir of [widgetDir, withoutDarkTheme]) rmSync(dir, { recursive: true, force: true });
});

async function documentFor(request: Partial<BootPreloadRequest>, dir = widgetDir) {
  const assets = await bootAssets(dir, {
    locale: 'en-US',
    flowPages: true,
    standalone: false,
    themeVariant: 'light',
    ...request,
  });
  return injectBootAssets(INDEX_HTML, assets);
}

describe('the dark palette in the widget document', () => {
  it('is not linked for a light session, whose root stays light', async () => {
    const html = await documentFor({ themeVariant: 'light' });
    expect(html).not.toContain('theme-dark');
    expect(html).toContain('data-theme="light"');
  });

  it('is linked in the head of a dark session, whose root starts dark', async () => {
    const html = await documentFor({ themeVariant: 'dark' });
    expect(html.match(/theme-dark-abc\.css/g)).toHaveLength(1);
    expect(html.indexOf(DARK_LINK)).toBeGreaterThan(0);
    expect(html.indexOf(DARK_LINK)).toBeLessThan(html.indexOf('</head>'));
    expect(html).toContain('<html lang="en-US" dir="ltr" data-theme="dark">');
  });

  it('is linked when the document cannot tell the session (a reload may resume a dark one)', async () => {
    const html = await documentFor({ themeVariant: null, flowPages: false });
    expect(html).toContain(DARK_LINK);
    expect(html).toContain('data-theme="light"');
  });

  it('is left out by a build without it, and the root still follows the session', async () => {
    const html = await documentFor({ themeVariant: 'dark' }, withoutDarkTheme);
    expect(html).not.toContain('theme-dark');
    expect(html).toContain('data-theme="dark"');
  });
});

describe('the standalone chunk in the widget document', () => {
  const STANDALONE_PRELOAD =
    '<link rel="modulepreload" crossorigin href="/widget/assets/page-standaloneMode-abc.js">';

  it('is not preloaded by a frame the SDK embeds, which never loads it', async () => {
    expect(await documentFor({ standalone: false })).not.toContain('standaloneMode');
  });

  it('is preloaded by a page that may be top-level, a reload without a session included', async () => {
    expect(await documentFor({ standalone: true })).toContain(STANDALONE_PRELOAD);
    expect(await documentFor({ standalone: true, flowPages: false, themeVariant: null })).toContain(
      STANDALONE_PRELOAD,
    );
  });
});
