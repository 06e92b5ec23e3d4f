import { build } from 'esbuild';
import type { Plugin } from 'vite';

/** Options of {@link inlineScriptPlugin}. */
export interface InlineScriptOptions {
  /** The script's source entry (TypeScript), bundled with what it imports. */
  entry: string;
  /** Where the script goes in the build's output (relative to the out dir). */
  fileName: string;
  /** The language level, as the widget's own build. */
  target: string;
}

/**
 * Builds a script the service inlines into the widget document: one classic, minified file
 * with no imports (an inline `<script>` cannot load chunks). `</script` inside it would end
 * the element early and `<!--` changes how the HTML parser reads it; esbuild escapes the
 * first in strings, and a build that still produces either fails instead of serving a
 * broken page.
 */
export function inlineScriptPlugin(options: InlineScriptOptions): Plugin {
  return {
    name: 'tokenframe-inline-script',
    apply: 'build',
    async generateBundle() {
      const result = await build({
        entryPoints: [options.entry],
        bundle: true,
        format: 'iife',
        minify: true,
        target: options.target,
        write: false,
        legalComments: 'none',
      });
      const source = result.outputFiles[0]!.text.trim();
      if (/<\/script/i.test(source) || /<!--/.test(source)) {
        this.error(`${options.entry}: the inline script contains "</script" or "<!--"`);
      }
      this.emitFile({ type: 'asset', fileName: options.fileName, source });
    },
  };
}
