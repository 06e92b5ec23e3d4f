import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';
import { bundleDeclarations } from './bundleDeclarations';

/**
 * Writes `dist/sdk/tokenframe.d.ts` and its ESM twin `tokenframe.d.mts` (same text: the file
 * imports nothing, so one text serves both resolutions). Run by `npm run build` after
 * `vite build --mode sdk`.
 */
const declarations = bundleDeclarations({ entry: join(REPO_ROOT, 'host-sdk/index.ts') });
for (const name of ['tokenframe.d.ts', 'tokenframe.d.mts']) {
  writeFileSync(join(REPO_ROOT, 'dist/sdk', name), declarations);
}
console.log(`dist/sdk/tokenframe.d.ts, .d.mts: ${declarations.length} chars, no imports`);
