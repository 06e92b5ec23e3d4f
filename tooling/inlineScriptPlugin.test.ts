import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inlineScriptPlugin } from './inlineScriptPlugin';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the plugin's `generateBundle` over an entry importing a helper; returns what it emitted. */
async function emitted(helperBody: string): Promise<{ fileName: string; source: string }> {
  dir = mkdtempSync(join(tmpdir(), 'tokenframe-inline-'));
  writeFileSync(join(dir, 'helper.ts'), helperBody);
  writeFileSync(
    join(dir, 'entry.ts'),
    `import { start } from './helper';\n(window as any).x = start();\n`,
  );
  const plugin = inlineScriptPlugin({
    entry: join(dir, 'entry.ts'),
    fileName: 'inline/x.js',
    target: 'es2020',
  }) as unknown as { generateBundle(this: unknown): Promise<void> };
  let file: { fileName: string; source: string } | undefined;
  await plugin.generateBundle.call({
    emitFile: (asset: { fileName: string; source: string }) => (file = asset),
    error: (message: string) => {
      throw new Error(message);
    },
  });
  return file!;
}

describe('inlineScriptPlugin', () => {
  it('emits one classic script with its imports bundled in', async () => {
    const file = await emitted(`export function start(): number { return 40 + 2; }\n`);
    expect(file.fileName).toBe('inline/x.js');
    expect(file.source).not.toMatch(/\bimport\b|\bexport\b/);
    const window: Record<string, unknown> = {};
    new Function('window', file.source)(window);
    expect(window.x).toBe(42);
  });

  it('never lets the script end its <script> element early', async () => {
    const file = await emitted(`export function start() { return '</script>'; }\n`);
    expect(file.source).not.toMatch(/<\/script/i);
    const window: Record<string, unknown> = {};
    new Function('window', file.source)(window);
    expect(window.x).toBe('</script>');
  });

  it('fails the build on "<!--", which would change how the HTML parser reads the script', async () => {
    await expect(emitted(`export function start() { return '<!-- x'; }\n`)).rejects.toThrow(/<!--/);
  });
});
