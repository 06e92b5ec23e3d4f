import { fileURLToPath } from 'node:url';
import { Features } from 'lightningcss';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { COMPILE_HINT, compileHintPlugin } from './tooling/compileHintPlugin';
import { inlineScriptPlugin } from './tooling/inlineScriptPlugin';
import { precompressPlugin } from './tooling/precompressPlugin';

/** The widget document's inline script, read by the service (server/widgetDocument/). */
const INLINE_EXCHANGE = 'inline/early-exchange.js';

/** The dark palette: a stylesheet of its own, linked only by documents that may need it. */
const DARK_THEME = 'theme-dark';

/** A locale's translations, `locales/<code>.json`: each is a lazy chunk of its own. */
const LOCALE_MODULE = /\/locales\/[^/]+\.json$/;

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
        rollupOptions: {
          output: {
            // No `Symbol.toStringTag` on the exports object: ~20 bytes of the IIFE's size budget
            // for a tag nothing reads.
            generatedCode: { symbols: false },
            // V8's explicit compile hint (tooling/compileHintPlugin.ts): the SDK's functions run at
            // mount, on the merchant page's main thread, right on READY's path; compiled while
            // the script streams in, off that thread, none waits for a lazy compile at its first
            // call. size-limit's esbuild pass strips the comment; the served file carries it.
            postBanner: COMPILE_HINT,
          },
        },
      },
      // Declarations: packages/build/writeSdkDeclarations.ts, after this build.
      plugins: [precompressPlugin()],
    };
  }
  return {
    root: 'widget',
    base: '/widget/',
    // For its `light-dark()` fallback Lightning CSS adds two variables beside every
    // `color-scheme`; the stylesheet has no `light-dark()`, so they were bytes of every boot.
    css: { lightningcss: { exclude: Features.LightDark } },
    // The document is templated per session by the service, which compresses it then.
    plugins: [
      preact(),
      // The exchange starts from a script inlined in the document, before any file of the
      // build has downloaded (widget/earlyExchange.ts).
      inlineScriptPlugin({
        entry: 'widget/inlineExchange.ts',
        fileName: INLINE_EXCHANGE,
        target: 'es2020',
      }),
      // Nearly every function of the entry and of the form's chunk runs before READY.
      compileHintPlugin(
        (chunk) => chunk.isEntry || (chunk.facadeModuleId ?? '').endsWith('pages/flowPages.ts'),
      ),
      precompressPlugin({
        skip: (fileName) =>
          fileName.endsWith('.html') ||
          fileName.startsWith('.vite/') ||
          fileName === INLINE_EXCHANGE,
      }),
    ],
    build: {
      outDir: '../dist/widget',
      emptyOutDir: true,
      // Syntax: ES2022 keeps class fields as written instead of es2020's defineProperty
      // helpers. In this bundle that is the only ES2022 syntax (no static blocks, no private
      // methods), and every browser of the CSS target below runs it (Chrome 72, Safari 14).
      target: 'es2022',
      // Styles: Vite's es2020 browsers with Chrome and Edge at 88, where `margin-inline`,
      // `inset-inline` and `:is()` are native. The stylesheet keeps its logical properties
      // instead of physical fallbacks per `:lang()`, which also mirrored by language, not `dir`.
      cssTarget: ['chrome88', 'edge88', 'firefox80', 'safari14.1', 'ios14.5'],
      assetsDir: 'assets',
      // `.vite/manifest.json` names the hashed flow-pages and locale chunks, so the service can
      // add `modulepreload` links for exactly the chunks a session's first render needs.
      manifest: true,
      // The polyfill only makes `modulepreload` work in browsers without it; there the links
      // are a missed head start, not a failure, so its bytes stay out of every boot.
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: {
          widget: fileURLToPath(new URL('widget/index.html', import.meta.url)),
          // The service reads its file name from the manifest (server/widgetDocument/bootAssets.ts).
          [DARK_THEME]: fileURLToPath(new URL('widget/darkTheme.css', import.meta.url)),
        },
        output: {
          // Predictable names for the size budgets in package.json: the initial bundle is
          // `widget-*.js` + `widget-*.css`, each locale `locale-<code>-*.js`, lazy pages
          // `page-*.js`.
          entryFileNames: 'assets/widget-[hash].js',
          // A locale chunk is a `locales/<code>.json` module, matched on the file itself: a
          // checkout under a folder named `locales` must not make every chunk a "locale".
          chunkFileNames: (chunk) =>
            LOCALE_MODULE.test(chunk.facadeModuleId ?? '')
              ? 'assets/locale-[name]-[hash].js'
              : 'assets/page-[name]-[hash].js',
          // The stylesheet of the chunk after READY is `page-laterPages-*.css`, outside the
          // `widget-*.css` the boot budget counts, as it is outside what READY downloads.
          // The dark palette is `theme-dark-*.css`, outside it too: only dark sessions load it.
          assetFileNames: (asset) => {
            const names = asset.names ?? [];
            if (names.some((name) => name.endsWith('laterPages.css')))
              return 'assets/page-laterPages-[hash][extname]';
            if (names.includes(`${DARK_THEME}.css`)) return `assets/${DARK_THEME}-[hash][extname]`;
            return names.some((name) => name.endsWith('.css'))
              ? 'assets/widget-[hash][extname]'
              : 'assets/[name]-[hash][extname]';
          },
        },
      },
    },
  };
});
