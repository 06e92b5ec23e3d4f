/**
 * The widget document's inline script (built into `dist/widget/inline/early-exchange.js` by
 * `tooling/inlineScriptPlugin.ts`, inlined and hash-pinned by the service): sends the
 * exchange while the document is parsed and leaves it for the main bundle.
 */
import { startEarlyExchange } from './earlyExchange';

window.tokenframeEarlyExchange = startEarlyExchange();
