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

/**
 * URLs (under `/widget/`) of the chunks a session's first render needs besides the entry:
 * the flow pages and the session's locale. Vite emits both as dynamic imports, which the
 * browser would only discover after the entry script has downloaded and run; listed as
 * `modulepreload` in the document they download in parallel with it (PRODUCT.md §6: the
 * active locale only).
 */
export async function bootPreloadUrls(
  widgetDir: string,
  request: BootPreloadRequest,
): Promise<string[]> {
  const manifest = await readManifest(widgetDir);
  if (!manifest) return [];
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
  return [...files].map((file) => `/widget/${file}`);
}

/**
 * Adds one `<link rel="modulepreload">` per URL just before `</head>`. `crossorigin` matches
 * the entry script's own attribute, so the preloaded response is the one the import reuses.
 */
export function injectBootPreloads(html: string, urls: readonly string[]): string {
  const at = html.search(/<\/head>/i);
  if (urls.length === 0 || at < 0) return html;
  const links = urls
    .map((url) => `  <link rel="modulepreload" crossorigin href="${url}">\n  `)
    .join('');
  return `${html.slice(0, at)}${links}${html.slice(at)}`;
}
