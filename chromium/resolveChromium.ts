import { accessSync, constants, statSync } from 'node:fs';
import { unpackNpmChromium, type UnpackedChromium } from './npmChromium';

/** Where the Chromium that runs came from, in the order they are tried. */
export type ChromiumSource = 'TOKENFRAME_CHROMIUM' | 'system' | 'npm';

/** The Chromium to launch. */
export interface ResolvedChromium {
  source: ChromiumSource;
  executablePath: string;
  /**
   * Shared libraries shipped with the npm Chromium (NSS, NSPR, expat), put first on
   * `LD_LIBRARY_PATH` so that it needs none from the system.
   */
  libraryPath?: string;
}

/** What the resolver looks at; the defaults are this process and this machine. */
export interface ChromiumSearch {
  /** Reads `TOKENFRAME_CHROMIUM`. */
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  arch: string;
  /** True for a regular file this user may execute. */
  isExecutable(path: string): boolean;
  /** Unpacks the npm-shipped Chromium; `undefined` when its package is not installed. */
  unpackNpmChromium(): Promise<UnpackedChromium | undefined>;
}

/** `TOKENFRAME_CHROMIUM=npm` skips the system browsers and takes the npm-shipped one. */
export const NPM_CHROMIUM = 'npm';

/**
 * System browsers, best first. Ubuntu's snap (`/snap/bin/chromium`) is left out on purpose:
 * its confinement hides the profile folder Playwright creates under /tmp, so it fails to
 * start where the npm-shipped Chromium works; point TOKENFRAME_CHROMIUM at it to try anyway.
 */
export const SYSTEM_CHROMIUM_PATHS: Readonly<Partial<Record<NodeJS.Platform, readonly string[]>>> =
  {
    linux: [
      '/usr/bin/chromium', // Debian
      '/usr/bin/chromium-browser', // Ubuntu's and Fedora's deb/rpm name
      '/usr/bin/google-chrome-stable',
      '/usr/bin/google-chrome',
      '/opt/google/chrome/chrome',
    ],
    darwin: [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
  };

/** The npm-shipped build exists for Linux on x64 only. */
export function hasNpmChromium(platform: NodeJS.Platform, arch: string): boolean {
  return platform === 'linux' && arch === 'x64';
}

/** Raised when no Chromium can be found; its message is one line saying what to install. */
export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

/**
 * Finds the Chromium for tests, benchmarks and screenshot scripts, in this order:
 * 1. `TOKENFRAME_CHROMIUM`: a path to any Chromium or Chrome (an error if it is not an
 *    executable file, rather than silently taking another), or `npm` for step 3;
 * 2. a system Chromium or Chrome at the usual Debian, Ubuntu and macOS paths;
 * 3. the npm-shipped Chromium (`@sparticuz/chromium`, a devDependency) on Linux x64;
 * 4. otherwise a {@link ChromiumNotFoundError} naming what to install.
 */
export async function resolveChromium(
  search: ChromiumSearch = thisMachine(),
): Promise<ResolvedChromium> {
  const requested = search.env.TOKENFRAME_CHROMIUM?.trim();
  const npmAllowed = hasNpmChromium(search.platform, search.arch);
  if (requested && requested !== NPM_CHROMIUM) {
    if (!search.isExecutable(requested))
      throw new ChromiumNotFoundError(
        `TOKENFRAME_CHROMIUM=${requested} is not an executable file: point it at a Chromium or Chrome binary${npmAllowed ? `, set it to "${NPM_CHROMIUM}" for the npm-shipped Chromium` : ''} or unset it`,
      );
    return { source: 'TOKENFRAME_CHROMIUM', executablePath: requested };
  }
  if (requested === NPM_CHROMIUM && !npmAllowed)
    throw new ChromiumNotFoundError(
      `TOKENFRAME_CHROMIUM=${NPM_CHROMIUM}: the npm-shipped Chromium exists for Linux x64 only, not ${search.platform} ${search.arch}; point TOKENFRAME_CHROMIUM at a Chromium or Chrome binary or unset it`,
    );
  const systemPaths = SYSTEM_CHROMIUM_PATHS[search.platform] ?? [];
  if (requested !== NPM_CHROMIUM) {
    const system = systemPaths.find((path) => search.isExecutable(path));
    if (system) return { source: 'system', executablePath: system };
  }
  if (npmAllowed) {
    const unpacked = await search.unpackNpmChromium();
    if (unpacked) return { source: 'npm', ...unpacked };
  }
  throw new ChromiumNotFoundError(notFoundMessage(search.platform, npmAllowed, systemPaths));
}

/** The one line that says what to install on this platform. */
function notFoundMessage(
  platform: NodeJS.Platform,
  npmAllowed: boolean,
  systemPaths: readonly string[],
): string {
  const looked = systemPaths.length > 0 ? ` (looked in ${systemPaths.join(', ')})` : '';
  if (npmAllowed)
    return `No Chromium found${looked} and @sparticuz/chromium is not installed: run \`npm ci\` (it installs it), or set TOKENFRAME_CHROMIUM to a Chromium or Chrome binary`;
  const install =
    platform === 'darwin'
      ? 'install Google Chrome into /Applications'
      : platform === 'linux'
        ? 'install Chromium (Debian: `apt-get install chromium`) or Google Chrome'
        : 'install Google Chrome';
  return `No Chromium found${looked}: ${install}, or set TOKENFRAME_CHROMIUM to a Chromium or Chrome binary`;
}

/** This process's environment and file system. */
export function thisMachine(): ChromiumSearch {
  return {
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    isExecutable,
    unpackNpmChromium,
  };
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
