import { readFileSync } from 'node:fs';
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
