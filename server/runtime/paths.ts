import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Set to `true` by the production build (esbuild `define`): the whole service is then one
// file, `dist/server/main.js`, with its migrations copied beside it.
declare const __TOKENFRAME_BUNDLE__: boolean | undefined;

const bundled = typeof __TOKENFRAME_BUNDLE__ !== 'undefined' && __TOKENFRAME_BUNDLE__;
const here = dirname(fileURLToPath(import.meta.url));

/**
 * The repository (or deployed tree) root: two levels above this file both from source
 * (`server/runtime/`) and when bundled (`dist/server/`).
 */
export const REPO_ROOT = resolve(here, '..', '..');

/** Folder of `NNN_name.sql` files: beside the bundle, or in `server/storage/` from source. */
export const MIGRATIONS_DIR = bundled
  ? join(here, 'migrations')
  : join(REPO_ROOT, 'server', 'storage', 'migrations');

/** `build-info.json` (version, commit) beside the bundle; absent when run from source. */
export const BUILD_INFO_PATH = bundled ? join(here, 'build-info.json') : undefined;

/** Where the production build writes the service bundle. */
export const SERVICE_BUNDLE_DIR = join(REPO_ROOT, 'dist', 'server');
