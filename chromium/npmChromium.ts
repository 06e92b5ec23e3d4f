import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-fs';
import { buildFolderOnce } from './buildFolderOnce';

/** The npm-shipped Chromium, unpacked. */
export interface UnpackedChromium {
  executablePath: string;
  /** Its own NSS, NSPR and expat, so that it needs none from the system. */
  libraryPath: string;
}

const PACKAGE = '@sparticuz/chromium';

/**
 * Unpacks `@sparticuz/chromium` (a headless Chromium shipped brotli-compressed inside the npm
 * package) into `node_modules/.cache/tokenframe-chromium/<version>/`, once per version, and
 * returns where it is; `undefined` when the package is not installed.
 *
 * The package's own `executablePath()` is not used: it unpacks into a fixed `/tmp/chromium`
 * that it trusts whatever its version, and several test runs starting together (or another
 * project) would race on it, one launching a half-written binary. Here the folder is built
 * with {@link buildFolderOnce}: one that exists is complete.
 */
export async function unpackNpmChromium(): Promise<UnpackedChromium | undefined> {
  const packageRoot = installedPackageRoot();
  if (!packageRoot) return undefined;
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = join(packageRoot, '..', '..', '.cache', 'tokenframe-chromium', version);
  const unpacked = {
    executablePath: join(target, 'chromium'),
    libraryPath: join(target, 'lib'),
  };
  const bin = join(packageRoot, 'bin');
  try {
    await buildFolderOnce(
      target,
      () => existsSync(unpacked.executablePath),
      async (staging) => {
        await Promise.all([
          pipeline(
            createReadStream(join(bin, 'chromium.br')),
            createBrotliDecompress(),
            createWriteStream(join(staging, 'chromium'), { mode: 0o755 }),
          ),
          // SwiftShader: the software GL that the binary loads from its own folder.
          untarBrotli(join(bin, 'swiftshader.tar.br'), staging),
          // `lib/`: NSS, NSPR and expat, built for Amazon Linux and fine on any glibc Linux.
          untarBrotli(join(bin, 'al2023.tar.br'), staging),
        ]);
      },
    );
  } catch (error) {
    throw new Error(`Could not unpack ${PACKAGE} ${version} into ${target}: ${String(error)}`);
  }
  return unpacked;
}

function untarBrotli(archive: string, into: string): Promise<void> {
  return pipeline(createReadStream(archive), createBrotliDecompress(), extract(into));
}

/** The package's folder, or undefined when it is not installed. */
function installedPackageRoot(): string | undefined {
  try {
    // `build/index.js` is its only export; the package root is one level up.
    return dirname(dirname(createRequire(import.meta.url).resolve(PACKAGE)));
  } catch {
    return undefined;
  }
}
