import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

/**
 * One config, two builds:
 * - default mode: the widget app (`widget/index.html`) into `dist/widget/`, served by the
 *   service at `/session/:id` with its hashed assets under `/widget/`.
 * - `--mode sdk`: the host SDK as `dist/sdk/tokenframe.js` (IIFE, global `Tokenframe`) and
 *   `dist/sdk/tokenframe.mjs` (ESM, no side effects on import); `packages/build/writeSdkDeclarations.ts`
 *   writes the self-contained declarations beside them.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'sdk') {
    return {
      build: {
        outDir: 'dist/sdk',
        emptyOutDir: true,
        sourcemap: true,
        // es2020: native `?.` and `??` keep the IIFE inside its size budget (size-limit).
        target: 'es2020',
        lib: {
          entry: 'host-sdk/index.ts',
          name: 'Tokenframe',
          formats: ['iife', 'es'],
          fileName: (format) => (format === 'es' ? 'tokenframe.mjs' : 'tokenframe.js'),
        },
        // No `Symbol.toStringTag` on the exports object: ~20 bytes of the IIFE's size budget
        // for a tag nothing reads.
        rollupOptions: { output: { generatedCode: { symbols: false } } },
      },
    };
  }
  return {
    root: 'widget',
    base: '/widget/',
    plugins: [preact()],
    build: {
      outDir: '../dist/widget',
      emptyOutDir: true,
      target: 'es2019',
      assetsDir: 'assets',
      rollupOptions: {
        output: {
          // Predictable names for the size budgets in package.json: the initial bundle is
          // `widget-*.js` + `widget-*.css`, each locale `locale-<code>-*.js`, lazy pages `page-*.js`.
          entryFileNames: 'assets/widget-[hash].js',
          chunkFileNames: (chunk) =>
            chunk.facadeModuleId?.includes('/locales/')
              ? 'assets/locale-[name]-[hash].js'
              : 'assets/page-[name]-[hash].js',
          assetFileNames: (asset) =>
            (asset.names ?? []).some((name) => name.endsWith('.css'))
              ? 'assets/widget-[hash][extname]'
              : 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
});
