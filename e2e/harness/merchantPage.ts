import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config';
import type { RouteHandler } from './staticServer';

/** The merchant page the widget suites mount into: the built SDK by script tag, then `/host.js`. */
const MERCHANT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Merchant</title>
<script src="/tokenframe.js"></script><script src="/host.js" defer></script></head>
<body><h1>Merchant payouts</h1><div id="capture"></div></body></html>`;

/**
 * Routes of a merchant site as integrators build it (PRODUCT.md §3, script tag): `/host.html`,
 * the built SDK at `/tokenframe.js` and `hostScript`, the page's own script, at `/host.js`.
 * A suite adds its own routes (its session endpoint) beside them.
 */
export function merchantPageRoutes(hostScript: string): Record<string, RouteHandler> {
  return {
    '/host.html': () => ({ body: MERCHANT_PAGE }),
    '/host.js': () => ({ type: 'text/javascript', body: hostScript }),
    '/tokenframe.js': () => ({
      type: 'text/javascript',
      body: readFileSync(join(REPO_ROOT, 'dist/sdk/tokenframe.js')),
    }),
  };
}

/** Fails with the fix when the widget or SDK build the browser suites load is missing. */
export function requireWidgetBuild(): void {
  for (const built of ['dist/sdk/tokenframe.js', 'dist/widget/index.html'])
    if (!existsSync(join(REPO_ROOT, built)))
      throw new Error(`${built} is missing: run \`npm run build\` first`);
}
