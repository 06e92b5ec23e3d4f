import type { Plugin, Rolldown } from 'vite';

type OutputChunk = Rolldown.OutputChunk;

/** V8's explicit compile hint, honoured only as a file's first line. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Puts V8's explicit compile hint at the top of the chunks `hinted` picks: Chromium then
 * compiles every function of such a file while it streams in, on a background thread,
 * instead of each one on the main thread at its first call. For chunks whose functions nearly
 * all run before READY (PRODUCT.md §2, "Load"); to other engines it is a comment.
 *
 * It runs after every other plugin's `generateBundle`, so the hint also precedes the preamble
 * Vite adds to a chunk with lazy imports (`__vite__mapDeps`). A build with source maps would
 * need its mappings shifted by the added line: this plugin refuses such a chunk (the SDK's
 * build, which has maps, uses Rolldown's own `postBanner`).
 */
export function compileHintPlugin(hinted: (chunk: OutputChunk) => boolean): Plugin {
  return {
    name: 'tokenframe-compile-hint',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !hinted(chunk)) continue;
          if (chunk.map) this.error(`${chunk.fileName}: a compile hint would shift its source map`);
          chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        }
      },
    },
  };
}
