import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSessionRequest, type CreateSessionEnvelope } from '../testing/signedClient';
import { startTestApp, type TestApp } from '../testing/testApp';
import { writePrecompressed } from '../testing/writePrecompressed';

/** Raw bytes and headers as they crossed the wire (Node's fetch would decode them). */
interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = acceptEncoding
      ? { 'accept-encoding': acceptEncoding }
      : {};
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** The response body with its `Content-Encoding` undone. */
function decoded(response: RawResponse): Buffer {
  const coding = response.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(response.body);
  if (coding === 'gzip') return gunzipSync(response.body);
  return response.body;
}

// Big enough that every coding shrinks it, as real bundles do.
const WIDGET_JS = `export const messages = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `message number ${i}`))};\n`;
const SDK_JS = `window.Tokenframe = ${JSON.stringify({ pad: 'tokenframe '.repeat(300) })};\n`;
const INDEX_HTML = `<!doctype html>
<html lang="en-US" dir="ltr">
  <head>
    <meta charset="utf-8" />
    <title>Tokenframe</title>
    <script type="module" crossorigin src="/widget/assets/widget-abc.js"></script>
  </head>
  <body><div id="app"></div></body>
</html>
`;
const INLINE_EXCHANGE = 'window.tokenframeEarlyExchange=null;';
const MANIFEST = {
  'index.html': { file: 'assets/widget-abc.js', isEntry: true },
  'pages/flowPages.ts': {
    file: 'assets/page-flowPages-abc.js',
    isDynamicEntry: true,
    imports: ['index.html'],
  },
  '../locales/de-DE.json': { file: 'assets/locale-de-DE-abc.js', isDynamicEntry: true },
  '../locales/en-US.json': { file: 'assets/locale-en-US-abc.js', isDynamicEntry: true },
};

let distDir: string;
let service: TestApp;

beforeAll(async () => {
  // A stand-in for `npm run build` output, precompressed the way the build does it.
  distDir = mkdtempSync(join(tmpdir(), 'tokenframe-compression-'));
  const assets = join(distDir, 'widget', 'assets');
  mkdirSync(assets, { recursive: true });
  mkdirSync(join(distDir, 'widget', '.vite'));
  mkdirSync(join(distDir, 'widget', 'inline'));
  writeFileSync(join(distDir, 'widget', 'inline', 'early-exchange.js'), INLINE_EXCHANGE);
  mkdirSync(join(distDir, 'sdk'));
  writeFileSync(join(distDir, 'widget', 'index.html'), INDEX_HTML);
  writeFileSync(join(distDir, 'widget', '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
  for (const name of ['widget-abc', 'page-flowPages-abc', 'locale-de-DE-abc', 'locale-en-US-abc'])
    writePrecompressed(join(assets, `${name}.js`), WIDGET_JS);
  writePrecompressed(join(distDir, 'sdk', 'tokenframe.js'), SDK_JS);
  writePrecompressed(join(distDir, 'sdk', 'tokenframe.mjs'), `export ${SDK_JS}`);
  service = await startTestApp({ env: { TOKENFRAME_DIST_DIR: distDir } });
}, 60_000);

afterAll(async () => {
  await service?.close();
  rmSync(distDir, { recursive: true, force: true });
});

describe('static widget assets', () => {
  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=1', 'br'],
  ])(
    'Accept-Encoding %s gets the build’s %s variant, decoding to the file',
    async (accept, coding) => {
      const response = await get(`${service.url}/widget/assets/widget-abc.js`, accept);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(coding);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.body.length).toBeLessThan(Buffer.byteLength(WIDGET_JS));
      expect(decoded(response).toString()).toBe(WIDGET_JS);
    },
  );

  it('sends the plain file, still with Vary, to a client that accepts no coding', async () => {
    const response = await get(`${service.url}/widget/assets/widget-abc.js`);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.body.toString()).toBe(WIDGET_JS);
  });

  it('does not serve the build manifest', async () => {
    expect((await get(`${service.url}/widget/.vite/manifest.json`)).status).toBe(404);
  });
});

describe('SDK', () => {
  it('serves brotli and gzip whose decoded bytes match the published SRI hash', async () => {
    const integrity = JSON.parse((await get(`${service.url}/sdk/integrity.json`)).body.toString())[
      'tokenframe.js'
    ] as { url: string; integrity: string };
    const etags = new Set<unknown>();
    for (const [accept, coding] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      [undefined, undefined],
    ] as const) {
      // The manifest publishes absolute URLs (on the public URL, this very server).
      const response = await get(new URL(integrity.url, service.url).href, accept);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(coding);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      const sri = `sha384-${createHash('sha384').update(decoded(response)).digest('base64')}`;
      expect(sri).toBe(integrity.integrity);
      etags.add(response.headers.etag);
    }
    // One ETag per representation, so a cache never revalidates gzip bytes as brotli.
    expect(etags.size).toBe(3);
  });
});

describe('widget document and JSON', () => {
  const signedSessionPath = async (locale: string) => {
    const created = await service.client.createSession<CreateSessionEnvelope>(
      sampleSessionRequest({
        participant_unique_id1: `compression-${locale}-${Math.random()}`,
        language_locale_code: locale,
      }),
    );
    // The document names the session only for its signed authorized_url.
    const url = new URL(created.body.data.authorized_url);
    return `${url.pathname.replace('/session/', '')}${url.search}`;
  };

  it('compresses the document, runs the early exchange first and preloads the flow pages and the session’s locale only', async () => {
    const sessionPath = await signedSessionPath('de-DE');
    const response = await get(`${service.url}/session/${sessionPath}`, 'gzip, deflate, br');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    const html = decoded(response).toString();
    const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)];
    expect(preloads.map((match) => match[1])).toEqual([
      '/widget/assets/page-flowPages-abc.js',
      '/widget/assets/locale-de-DE-abc.js',
    ]);
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
    // The early exchange is inline and ahead of the bundle: it runs as the parser meets it.
    const exchangeScript = html.indexOf(`<script>${INLINE_EXCHANGE}</script>`);
    expect(exchangeScript).toBeGreaterThan(0);
    expect(exchangeScript).toBeLessThan(html.indexOf('src="/widget/assets/widget-abc.js"'));
    // The CSP allows exactly that inline script, by the hash of its bytes, and nothing else.
    const hash = createHash('sha256').update(INLINE_EXCHANGE).digest('base64');
    expect(response.headers['content-security-policy']).toContain(
      `script-src 'self' 'sha256-${hash}';`,
    );
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('does not serve the inline script or the build manifest as files', async () => {
    for (const path of ['/widget/inline/early-exchange.js', '/widget/.vite/manifest.json'])
      expect((await get(`${service.url}${path}`, 'gzip')).status).toBe(404);
  });

  it('preloads en-US for a session in en-US, and only the locale when there is no session', async () => {
    const html = decoded(
      await get(`${service.url}/session/${await signedSessionPath('en-US')}`, 'gzip'),
    ).toString();
    expect(html).toContain('href="/widget/assets/locale-en-US-abc.js"');
    expect(html).not.toContain('locale-de-DE');
    const noSession = decoded(await get(`${service.url}/session/ses_unknown`, 'gzip')).toString();
    expect(noSession).toContain('href="/widget/assets/locale-en-US-abc.js"');
    expect(noSession).not.toContain('page-flowPages');
  });

  it('compresses JSON over 1 KB and leaves small JSON alone', async () => {
    const big = await get(`${service.url}/openapi.json`, 'gzip');
    expect(big.headers['content-encoding']).toBe('gzip');
    expect(big.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(decoded(big).toString())).toHaveProperty('openapi');
    const small = await get(`${service.url}/healthz`, 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ ok: true });
  });
});
