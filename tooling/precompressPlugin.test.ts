import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressPlugin } from './precompressPlugin';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the plugin's build hooks over `files`, written into a fresh out dir. */
async function build(files: Record<string, string>, skip?: (fileName: string) => boolean) {
  dir = mkdtempSync(join(tmpdir(), 'tokenframe-precompress-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const plugin = precompressPlugin({ skip }) as unknown as {
    configResolved(config: { root: string; build: { outDir: string } }): void;
    writeBundle(options: unknown, bundle: Record<string, unknown>): Promise<void>;
  };
  plugin.configResolved({ root: dir, build: { outDir: '.' } });
  await plugin.writeBundle({}, Object.fromEntries(Object.keys(files).map((name) => [name, {}])));
}

const SCRIPT = `export const words = ${JSON.stringify('precompressed '.repeat(200))};\n`;

describe('precompressPlugin', () => {
  it('writes .br and .gz beside each script and stylesheet, decoding to the same bytes', async () => {
    await build({ 'app.js': SCRIPT, 'app.css': `body{margin:0}\n`.repeat(50) });
    for (const name of ['app.js', 'app.css']) {
      const original = readFileSync(join(dir, name));
      expect(brotliDecompressSync(readFileSync(join(dir, `${name}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(join(dir, `${name}.gz`)))).toEqual(original);
    }
  });

  it('leaves skipped files, source maps and variants that would not be smaller alone', async () => {
    await build({ 'index.html': SCRIPT, 'app.js.map': SCRIPT, 'tiny.js': 'x' }, (name) =>
      name.endsWith('.html'),
    );
    for (const name of ['index.html', 'app.js.map', 'tiny.js']) {
      expect(existsSync(join(dir, `${name}.br`)), name).toBe(false);
      expect(existsSync(join(dir, `${name}.gz`)), name).toBe(false);
    }
  });
});
