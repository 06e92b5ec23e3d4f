/**
 * The widget document's inline script (built into `dist/widget/inline/early-exchange.js` by
 * `tooling/inlineScriptPlugin.ts`, inlined and hash-pinned by the service): sends the
 * exchange and the host handshake's hello while the document is parsed (`earlyStart.ts`).
 */
import { startEarly } from './earlyStart';

startEarly();
