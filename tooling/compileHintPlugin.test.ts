import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { COMPILE_HINT, compileHintPlugin } from './compileHintPlugin';

type Bundle = Record<string, Partial<Rolldown.OutputChunk> | { type: 'asset' }>;

/** Runs the plugin's `generateBundle` over `bundle`; returns what `this.error` was given. */
function generate(bundle: Bundle, hinted: (chunk: Rolldown.OutputChunk) => boolean): string[] {
  const errors: string[] = [];
  const hook = compileHintPlugin(hinted).generateBundle as {
    order: string;
    handler(this: { error(message: string): never }, options: unknown, bundle: Bundle): void;
  };
  expect(hook.order).toBe('post');
  try {
    hook.handler.call(
      {
        error: (message) => {
          errors.push(message);
          throw new Error(message);
        },
      },
      {},
      bundle,
    );
  } catch {
    // `this.error` throws, as Rollup's does.
  }
  return errors;
}

describe('compileHintPlugin', () => {
  it("puts the hint on the first line of the chosen chunks only, ahead of Vite's preamble", () => {
    const flow = { type: 'chunk', fileName: 'flow.js', code: 'const __vite__mapDeps=1;f()' };
    const later = { type: 'chunk', fileName: 'later.js', code: 'g()' };
    const style = { type: 'asset' } as const;
    const errors = generate(
      { flow, later, style } as Bundle,
      (chunk) => chunk.fileName === 'flow.js',
    );
    expect(errors).toEqual([]);
    expect(flow.code).toBe(`${COMPILE_HINT}\nconst __vite__mapDeps=1;f()`);
    expect(later.code).toBe('g()');
  });

  it('refuses a chunk with a source map, whose lines the hint would shift', () => {
    const mapped = { type: 'chunk', fileName: 'sdk.js', code: 'h()', map: { mappings: 'A' } };
    expect(generate({ mapped } as unknown as Bundle, () => true)).toEqual([
      'sdk.js: a compile hint would shift its source map',
    ]);
    expect(mapped.code).toBe('h()');
  });
});
