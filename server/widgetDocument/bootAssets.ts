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

/** What the document adds to the build's `index.html` for one session (URLs under `/widget/`). */
export interface BootAssets {
  /** Module scripts to run before the main bundle: the early exchange. */
  scripts: string[];
  /** Lazy chunks to download in parallel with the main bundle. */
  preloads: string[];
}

/**
 * The boot assets of a session's document. The flow pages and the session's locale are
 * dynamic imports, which the browser would only discover after the main bundle has
 * downloaded and run; listed as `modulepreload` they download in parallel with it
 * (PRODUCT.md §6: the active locale only). The early exchange (`widget/earlyExchange.ts`,
 * an entry of its own) runs as the first script, so the exchange overlaps the bundle's
 * download instead of following it.
 */
export async function bootAssets(
  widgetDir: string,
  request: BootPreloadRequest,
): Promise<BootAssets> {
  const manifest = await readManifest(widgetDir);
  if (!manifest) return { scripts: [], preloads: [] };
  const locale =
    request.locale && (LOCALES as readonly string[]).includes(request.locale)
      ? request.locale
      : DEFAULT_LOCALE;
  const files = new Set<string>();
  const keys = Object.keys(manifest);
  if (request.flowPages) {
    const flowKey = keys.find((key) => key.endsWith('pages/flowPages.ts'));
    if (flowKey) withImports(manifest, flowKey, files);
  }
  const localeKey = keys.find((key) => key.endsWith(`locales/${locale}.json`));
  if (localeKey) withImports(manifest, localeKey, files);
  const exchange = keys.find((key) => key.endsWith('earlyExchange.ts') && manifest[key]?.isEntry);
  return {
    scripts: exchange ? [`/widget/${manifest[exchange]!.file}`] : [],
    preloads: [...files].map((file) => `/widget/${file}`),
  };
}

/**
 * Adds the boot scripts before the build's first module script (module scripts run in
 * document order, so they run first) and one `<link rel="modulepreload">` per preload just
 * before `</head>`. `crossorigin` matches the build's own tags, so the preloaded response is
 * the one the import reuses.
 */
export function injectBootAssets(html: string, assets: BootAssets): string {
  let out = html;
  const firstScript = out.search(/<script\s+type="module"/i);
  if (firstScript >= 0 && assets.scripts.length > 0) {
    const scripts = assets.scripts
      .map((url) => `<script type="module" crossorigin src="${url}"></script>\n    `)
      .join('');
    out = `${out.slice(0, firstScript)}${scripts}${out.slice(firstScript)}`;
  }
  const at = out.search(/<\/head>/i);
  if (at < 0 || assets.preloads.length === 0) return out;
  const links = assets.preloads
    .map((url) => `  <link rel="modulepreload" crossorigin href="${url}">\n  `)
    .join('');
  return `${out.slice(0, at)}${links}${out.slice(at)}`;
}
