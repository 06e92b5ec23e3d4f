import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCALES, type Locale } from '../../protocol/constants';

/** The locale whose chunk a document without a (known) session language needs. */
const DEFAULT_LOCALE: Locale = 'en-US';

/** One entry of Vite's `.vite/manifest.json` (only the fields read here). */
interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

type Manifest = Record<string, ManifestChunk>;

/** Which lazy chunks the document should start downloading with the entry script. */
export interface BootPreloadRequest {
  /** The session's language; its locale chunk is the one the first render waits on. */
  locale: string | null | undefined;
  /** The pages after loading: wanted when there is a session to show them for. */
  flowPages: boolean;
  /**
   * The page may be top-level (a mobile app's webview, PRODUCT.md §5): its native bridges,
   * redirects and reload resume (`widget/standaloneMode.ts`), which a frame the SDK embeds
   * never loads.
   */
  standalone: boolean;
  /**
   * The session's theme_variant, or `null` when the document cannot tell (no signed session):
   * a standalone reload may resume a dark session, so that document links the dark palette too.
   */
  themeVariant: string | null;
}

async function readManifest(widgetDir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(
      await readFile(join(widgetDir, '.vite', 'manifest.json'), 'utf8'),
    ) as Manifest;
  } catch {
    // A build without a manifest still works; the chunks then load when the widget asks.
    return null;
  }
}

/** A chunk plus the non-entry chunks it imports statically (the entry is already loading). */
function withImports(manifest: Manifest, key: string, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk || chunk.isEntry || into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) withImports(manifest, imported, into);
}

/** A script the document carries inline, and the CSP source that allows exactly it. */
export interface InlineScript {
  source: string;
  /** `'sha256-…'`: the CSP's `script-src` allows this script's bytes and no other inline code. */
  cspSource: string;
}

/** What the document adds to the build's `index.html` for one session (URLs under `/widget/`). */
export interface BootAssets {
  /** The early exchange, inlined so that it runs while the document is parsed. */
  inlineScript: InlineScript | null;
  /** Lazy chunks to download in parallel with the main bundle. */
  preloads: string[];
  /** Stylesheets beyond the build's own: the dark palette when the session may be dark. */
  stylesheets: string[];
  /** A dark session's document starts dark, so its first paint is not the light background. */
  dark: boolean;
}

/** The dark palette's source, as the build manifest names it (vite.config.ts). */
const DARK_THEME_SOURCE = 'darkTheme.css';

/** Where the build writes the early exchange's inline script (vite.config.ts). */
const INLINE_EXCHANGE = join('inline', 'early-exchange.js');

async function readInlineExchange(widgetDir: string): Promise<InlineScript | null> {
  let source: string;
  try {
    source = await readFile(join(widgetDir, INLINE_EXCHANGE), 'utf8');
  } catch {
    // Without it the main bundle sends the exchange itself, one round trip later.
    return null;
  }
  const digest = createHash('sha256').update(source, 'utf8').digest('base64');
  return { source, cspSource: `'sha256-${digest}'` };
}

/**
 * The boot assets of a session's document. The flow pages and the session's locale are
 * dynamic imports, which the browser would only discover after the main bundle has
 * downloaded and run; listed as `modulepreload` they download in parallel with it
 * (PRODUCT.md §6: the active locale only). The early exchange (`widget/earlyExchange.ts`)
 * is inlined, so the exchange leaves while the document is parsed and overlaps every
 * download instead of following one (server/README.md, "The inline exchange script").
 */
export async function bootAssets(
  widgetDir: string,
  request: BootPreloadRequest,
): Promise<BootAssets> {
  const [manifest, inlineScript] = await Promise.all([
    readManifest(widgetDir),
    readInlineExchange(widgetDir),
  ]);
  const dark = request.themeVariant === 'dark';
  if (!manifest) return { inlineScript, preloads: [], stylesheets: [], dark };
  const locale =
    request.locale && (LOCALES as readonly string[]).includes(request.locale)
      ? request.locale
      : DEFAULT_LOCALE;
  const files = new Set<string>();
  const keys = Object.keys(manifest);
  /** Adds the chunk built from the source whose path ends in `source`, with its imports. */
  const addChunkOf = (source: string) => {
    const key = keys.find((candidate) => candidate.endsWith(source));
    if (key) withImports(manifest, key, files);
  };
  if (request.flowPages) addChunkOf('pages/flowPages.ts');
  if (request.standalone) addChunkOf('standaloneMode.ts');
  addChunkOf(`locales/${locale}.json`);
  const darkTheme = manifest[DARK_THEME_SOURCE]?.file;
  const mayBeDark = dark || request.themeVariant === null;
  return {
    inlineScript,
    preloads: [...files].map((file) => `/widget/${file}`),
    stylesheets: darkTheme && mayBeDark ? [`/widget/${darkTheme}`] : [],
    dark,
  };
}

/**
 * Adds the inline script before the build's first module script (a classic inline script
 * runs as soon as it is parsed, before any module script), one
 * `<link rel="modulepreload">` per preload and one `<link rel="stylesheet">` per stylesheet
 * just before `</head>`, and marks a dark session's root dark. `crossorigin` matches the
 * build's own tags, so the preloaded response is the one the import reuses.
 */
export function injectBootAssets(html: string, assets: BootAssets): string {
  let out = assets.dark ? html.replace(/(<html\b[^>]*\bdata-theme=")light"/i, '$1dark"') : html;
  const firstScript = out.search(/<script\s+type="module"/i);
  if (firstScript >= 0 && assets.inlineScript) {
    const script = `<script>${assets.inlineScript.source}</script>\n    `;
    out = `${out.slice(0, firstScript)}${script}${out.slice(firstScript)}`;
  }
  const at = out.search(/<\/head>/i);
  if (at < 0 || assets.preloads.length + assets.stylesheets.length === 0) return out;
  const links = [
    ...assets.preloads.map((url) => `<link rel="modulepreload" crossorigin href="${url}">`),
    ...assets.stylesheets.map((url) => `<link rel="stylesheet" crossorigin href="${url}">`),
  ]
    .map((link) => `  ${link}\n  `)
    .join('');
  return `${out.slice(0, at)}${links}${out.slice(at)}`;
}
