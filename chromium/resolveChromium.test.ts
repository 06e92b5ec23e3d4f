import { describe, expect, it } from 'vitest';
import {
  ChromiumNotFoundError,
  SYSTEM_CHROMIUM_PATHS,
  resolveChromium,
  type ChromiumSearch,
} from './resolveChromium';

const UNPACKED = {
  executablePath: '/repo/node_modules/.cache/tokenframe-chromium/153.0.0/chromium',
  libraryPath: '/repo/node_modules/.cache/tokenframe-chromium/153.0.0/lib',
};

/** A machine with exactly these executables and, unless said otherwise, the npm package. */
function machine(
  executables: string[],
  overrides: Partial<ChromiumSearch> & { npmInstalled?: boolean } = {},
): ChromiumSearch & { unpacks: number } {
  const { npmInstalled = true, ...rest } = overrides;
  const search = {
    env: {},
    platform: 'linux' as NodeJS.Platform,
    arch: 'x64',
    isExecutable: (path: string) => executables.includes(path),
    unpacks: 0,
    async unpackNpmChromium() {
      search.unpacks += 1;
      return npmInstalled ? UNPACKED : undefined;
    },
    ...rest,
  };
  return search;
}

/** The resolver's error for this machine, checked to be a single line. */
async function notFoundLine(search: ChromiumSearch): Promise<string> {
  const error = await resolveChromium(search).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ChromiumNotFoundError);
  const { message } = error as Error;
  expect(message).not.toContain('\n');
  return message;
}

describe('resolveChromium, in order', () => {
  it('1. takes TOKENFRAME_CHROMIUM first, over a system browser, without unpacking the npm one', async () => {
    const search = machine(['/opt/my/chrome', '/usr/bin/chromium'], {
      env: { TOKENFRAME_CHROMIUM: '/opt/my/chrome' },
    });
    expect(await resolveChromium(search)).toEqual({
      source: 'TOKENFRAME_CHROMIUM',
      executablePath: '/opt/my/chrome',
    });
    expect(search.unpacks).toBe(0);
  });

  it('1. fails on a TOKENFRAME_CHROMIUM that is not executable instead of taking another browser', async () => {
    const search = machine(['/usr/bin/chromium'], { env: { TOKENFRAME_CHROMIUM: '/nope/chrome' } });
    expect(await notFoundLine(search)).toBe(
      'TOKENFRAME_CHROMIUM=/nope/chrome is not an executable file: point it at a Chromium or Chrome binary, set it to "npm" for the npm-shipped Chromium or unset it',
    );
    expect(search.unpacks).toBe(0);
  });

  it('1. TOKENFRAME_CHROMIUM=npm skips the system browser for the npm-shipped one', async () => {
    const search = machine(['/usr/bin/chromium'], { env: { TOKENFRAME_CHROMIUM: 'npm' } });
    expect(await resolveChromium(search)).toEqual({ source: 'npm', ...UNPACKED });
  });

  it('2. takes a system browser next, Debian Chromium before Ubuntu Chromium before Chrome', async () => {
    const everything = machine([...SYSTEM_CHROMIUM_PATHS.linux!]);
    expect(await resolveChromium(everything)).toEqual({
      source: 'system',
      executablePath: '/usr/bin/chromium',
    });
    expect(everything.unpacks).toBe(0);
    const ubuntu = machine(['/usr/bin/chromium-browser', '/usr/bin/google-chrome']);
    expect((await resolveChromium(ubuntu)).executablePath).toBe('/usr/bin/chromium-browser');
    const chromeOnly = machine(['/usr/bin/google-chrome']);
    expect((await resolveChromium(chromeOnly)).executablePath).toBe('/usr/bin/google-chrome');
    expect(
      await resolveChromium(
        machine(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], {
          platform: 'darwin',
          arch: 'arm64',
        }),
      ),
    ).toEqual({
      source: 'system',
      executablePath: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    });
  });

  it('2. an empty TOKENFRAME_CHROMIUM counts as unset', async () => {
    const search = machine(['/usr/bin/chromium'], { env: { TOKENFRAME_CHROMIUM: '' } });
    expect((await resolveChromium(search)).source).toBe('system');
  });

  it('3. without a system browser on Linux x64, unpacks the npm-shipped Chromium with its libraries', async () => {
    const search = machine([]);
    expect(await resolveChromium(search)).toEqual({ source: 'npm', ...UNPACKED });
    expect(search.unpacks).toBe(1);
  });

  it('4. on Linux x64 without the npm package, one line says to run npm ci', async () => {
    expect(await notFoundLine(machine([], { npmInstalled: false }))).toBe(
      `No Chromium found (looked in ${SYSTEM_CHROMIUM_PATHS.linux!.join(', ')}) and @sparticuz/chromium is not installed: run \`npm ci\` (it installs it), or set TOKENFRAME_CHROMIUM to a Chromium or Chrome binary`,
    );
  });

  it('4. where no npm build exists (Linux arm64, macOS), one line says which browser to install', async () => {
    const arm = machine([], { arch: 'arm64' });
    expect(await notFoundLine(arm)).toBe(
      `No Chromium found (looked in ${SYSTEM_CHROMIUM_PATHS.linux!.join(', ')}): install Chromium (Debian: \`apt-get install chromium\`) or Google Chrome, or set TOKENFRAME_CHROMIUM to a Chromium or Chrome binary`,
    );
    expect(arm.unpacks).toBe(0);
    expect(await notFoundLine(machine([], { platform: 'darwin', arch: 'arm64' }))).toMatch(
      /^No Chromium found \(looked in \/Applications\/Google Chrome\.app.*\): install Google Chrome into \/Applications, or set TOKENFRAME_CHROMIUM/,
    );
    expect(
      await notFoundLine(machine([], { env: { TOKENFRAME_CHROMIUM: 'npm' }, arch: 'arm64' })),
    ).toBe(
      'TOKENFRAME_CHROMIUM=npm: the npm-shipped Chromium exists for Linux x64 only, not linux arm64; point TOKENFRAME_CHROMIUM at a Chromium or Chrome binary or unset it',
    );
  });
});
