import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

/**
 * One config, two builds:
 * - default mode: the widget app (`widget/index.html`) into `dist/widget/`, served by the
 *   service at `/session/:id` with its hashed assets under `/widget/`.
 * - `--mode sdk`: the host SDK as `dist/sdk/tokenframe.js` (IIFE, global `Tokenframe`) and
 *   `dist/sdk/tokenframe.mjs` (ESM, no side effects on import).
 */
export default defineConfig(({ mode }) => {
  if (mode === 'sdk') {
    return {
      build: {
        outDir: 'dist/sdk',
        emptyOutDir: true,
        sourcemap: true,
        target: 'es2019',
        lib: {
          entry: 'host-sdk/index.ts',
          name: 'Tokenframe',
          formats: ['iife', 'es'],
          fileName: (format) => (format === 'es' ? 'tokenframe.mjs' : 'tokenframe.js'),
        },
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
    },
  };
});
