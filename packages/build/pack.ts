import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { bundleDeclarations } from './bundleDeclarations';
import { REPO_ROOT } from './paths';
import { FIELD_DOCS } from '../node/src/fieldDocs';
import { LABEL_PATHS } from '../testing/src/widgetLabels';

/**
 * `npm run pack`: builds each integrator package (PRODUCT.md §9) into its `dist/` and writes
 * its tarball to `dist/packages/`. Needs `npm run build` first (the SDK bundles).
 *
 * - `@tokenframe/js`: the SDK bundles of `vite build --mode sdk`, copied byte for byte (the
 *   service serves the same IIFE at `/sdk/tokenframe.js`), and the self-contained declarations.
 * - the others: one ESM file each, bundled by esbuild (local code inlined, peers external),
 *   with declarations from {@link bundleDeclarations}.
 *
 * `--if-changed` (the test suites' call) skips the work when the inputs are byte-identical to
 * the last pack's: two suites need the tarballs, and packing costs ~10 s of a shared machine.
 */
const OUT = join(REPO_ROOT, 'dist/packages');

/** A TypeScript package under `packages/<folder>/src/index.ts`. */
interface SourcePackage {
  folder: string;
  platform: 'node' | 'browser' | 'neutral';
  external: string[];
  lib: string[];
  types: string[];
  jsx?: boolean;
  /** esbuild plugins of this package's bundle. */
  plugins?: Plugin[];
}

/**
 * Inlines only the strings at `paths` of each `locales/*.json` the bundle imports: the
 * Playwright helpers need a score of labels per locale, not the widget's whole text.
 */
function localeStringsOnly(paths: readonly string[]): Plugin {
  return {
    name: 'locale-strings-only',
    setup(bundle) {
      bundle.onLoad({ filter: /[\\/]locales[\\/][^\\/]+\.json$/ }, (args) => {
        const messages = JSON.parse(readFileSync(args.path, 'utf8')) as Record<string, unknown>;
        const kept: Record<string, unknown> = {};
        for (const path of paths) {
          const keys = path.split('.');
          let from: unknown = messages;
          let to = kept;
          keys.forEach((key, index) => {
            from = (from as Record<string, unknown> | undefined)?.[key];
            if (index === keys.length - 1) to[key] = from;
            else to = (to[key] ??= {}) as Record<string, unknown>;
          });
        }
        return { contents: JSON.stringify(kept), loader: 'json' };
      });
    },
  };
}

const SOURCE_PACKAGES: SourcePackage[] = [
  { folder: 'node', platform: 'node', external: [], lib: ['lib.es2023.d.ts'], types: ['node'] },
  {
    folder: 'testing',
    platform: 'node',
    external: ['playwright-core'],
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    plugins: [localeStringsOnly(Object.values(LABEL_PATHS))],
  },
  {
    folder: 'react',
    platform: 'neutral',
    external: ['react', 'react/jsx-runtime', '@tokenframe/js'],
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    jsx: true,
  },
];

function buildJsPackage(): void {
  const sdk = join(REPO_ROOT, 'dist/sdk');
  if (!existsSync(join(sdk, 'tokenframe.d.mts'))) {
    throw new Error('dist/sdk is not built: run `npm run build` before `npm run pack`.');
  }
  const dist = join(REPO_ROOT, 'packages/js/dist');
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  for (const name of ['tokenframe.js', 'tokenframe.mjs', 'tokenframe.d.ts', 'tokenframe.d.mts']) {
    copyFileSync(join(sdk, name), join(dist, name));
  }
}

async function buildSourcePackage(pkg: SourcePackage): Promise<void> {
  const root = join(REPO_ROOT, 'packages', pkg.folder);
  const entry = join(root, `src/index.${pkg.jsx ? 'tsx' : 'ts'}`);
  const dist = join(root, 'dist');
  rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: [entry],
    outfile: join(dist, 'index.js'),
    bundle: true,
    format: 'esm',
    platform: pkg.platform,
    target: 'es2022',
    // Translated labels as UTF-8, not \u escapes (a third of the testing bundle's size).
    charset: 'utf8',
    external: pkg.external,
    jsx: 'automatic',
    jsxImportSource: 'react',
    logLevel: 'warning',
    plugins: pkg.plugins ?? [],
  });
  const declarations = bundleDeclarations({
    entry,
    fallbackDocs: FIELD_DOCS,
    compilerOptions: {
      lib: pkg.lib,
      types: pkg.types,
      ...(pkg.jsx ? { jsx: 4 /* ReactJSX */, jsxImportSource: 'react' } : {}),
    },
    external: pkg.external,
  });
  for (const name of ['index.d.ts', 'index.d.mts']) writeFileSync(join(dist, name), declarations);
}

/** Folders and files whose bytes decide the tarballs' contents. */
const INPUTS = ['dist/sdk', 'packages', 'protocol', 'server', 'locales'];

/** A hash of every input file (sources, the SDK build), skipping build outputs. */
function inputsFingerprint(): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const absolute = join(REPO_ROOT, path);
    if (!existsSync(absolute)) return;
    if (path.endsWith('.json') || /\.[a-z]+$/.test(path)) {
      hash.update(path).update(readFileSync(absolute));
      return;
    }
    for (const entry of readdirSync(absolute, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name === 'node_modules' || (entry.name === 'dist' && path !== 'dist/sdk')) continue;
      const child = `${path}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) hash.update(child).update(readFileSync(join(REPO_ROOT, child)));
    }
  };
  for (const input of INPUTS) visit(input);
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const fingerprint = inputsFingerprint();
  const stamp = join(OUT, '.inputs');
  if (
    process.argv.includes('--if-changed') &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === fingerprint
  ) {
    console.log('dist/packages: up to date');
    return;
  }
  buildJsPackage();
  for (const pkg of SOURCE_PACKAGES) {
    if (existsSync(join(REPO_ROOT, 'packages', pkg.folder, 'package.json'))) {
      await buildSourcePackage(pkg);
    }
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const workspaces = readdirSync(join(REPO_ROOT, 'packages')).filter((folder) =>
    existsSync(join(REPO_ROOT, 'packages', folder, 'package.json')),
  );
  execFileSync(
    'npm',
    [
      'pack',
      '--silent',
      '--pack-destination',
      OUT,
      ...workspaces.flatMap((folder) => ['--workspace', `packages/${folder}`]),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  writeFileSync(stamp, fingerprint);
  console.log(`dist/packages: ${readdirSync(OUT).join(', ')}`);
}

await main();
