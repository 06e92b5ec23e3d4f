import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text assets a browser downloads; source maps and declarations are for developers only. */
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json)$/;

/** Options of {@link precompressPlugin}. */
export interface PrecompressOptions {
  /** Output files (relative to the out dir) left alone, e.g. a document the server templates. */
  skip?: (fileName: string) => boolean;
}

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every emitted text asset,
 * so the service sends the smallest encoding a browser accepts without compressing at request
 * time. A variant that is not smaller than the original is not written: the service then
 * serves the original bytes.
 */
export function precompressPlugin(options: PrecompressOptions = {}): Plugin {
  let outDir = '';
  return {
    name: 'tokenframe-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async writeBundle(_output, bundle) {
      const files = Object.keys(bundle).filter(
        (fileName) => COMPRESSIBLE.test(fileName) && !options.skip?.(fileName),
      );
      await Promise.all(
        files.map(async (fileName) => {
          const path = join(outDir, fileName);
          const original = await readFile(path);
          const [br, gz] = await Promise.all([
            brotli(original, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
              },
            }),
            gzipAsync(original, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < original.length) await writeFile(`${path}.br`, br);
          if (gz.length < original.length) await writeFile(`${path}.gz`, gz);
        }),
      );
    },
  };
}
