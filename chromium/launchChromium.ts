import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { prepareNpmFonts, type NpmFonts } from './npmFonts';
import { resolveChromium, type ResolvedChromium } from './resolveChromium';

/**
 * Flags for a headless run in a container: no sandbox, no GPU, no background traffic.
 * `@sparticuz/chromium`'s own `args` are not used: they turn off web security and site
 * isolation, which the cross-origin suites exist to exercise.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Set once the browser in use has been announced, so that processes started afterwards (the
 * test workers of one run) stay quiet: one line per run, not one per test file.
 */
export const ANNOUNCED_ENV = 'TOKENFRAME_CHROMIUM_ANNOUNCED';

/** Everything needed to launch: which browser, which fonts, the options for Playwright. */
export interface PreparedChromium {
  chromium: ResolvedChromium;
  /** The npm fonts, on Linux (other systems render with their own fonts). */
  fonts?: NpmFonts;
  /** `executablePath`, `args` and `env` for `chromium.launch`. */
  launchOptions: LaunchOptions & { executablePath: string };
}

let preparing: Promise<PreparedChromium> | undefined;

/**
 * Resolves the browser ({@link resolveChromium}) and the fonts, once per process (the promise
 * is shared; a failure is not cached, so the next call retries).
 */
export function prepareChromium(): Promise<PreparedChromium> {
  preparing ??= prepare().catch((error: unknown) => {
    preparing = undefined;
    throw error;
  });
  return preparing;
}

async function prepare(): Promise<PreparedChromium> {
  const [resolved, fonts] = await Promise.all([
    resolveChromium(),
    process.platform === 'linux' ? prepareNpmFonts() : undefined,
  ]);
  const env: Record<string, string | undefined> = { ...process.env };
  if (fonts) env.FONTCONFIG_FILE = fonts.fontconfigFile;
  if (resolved.libraryPath)
    env.LD_LIBRARY_PATH = [resolved.libraryPath, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return {
    chromium: resolved,
    fonts,
    launchOptions: {
      executablePath: resolved.executablePath,
      args: CHROMIUM_ARGS,
      env: env as Record<string, string>,
    },
  };
}

/** What {@link launchChromium} may change; the rest is fixed for every caller. */
export interface LaunchChromiumOptions {
  /** Default true. The npm-shipped Chromium is a headless-only build and ignores false. */
  headless?: boolean;
  /** Flags added after {@link CHROMIUM_ARGS}, e.g. a benchmark's site-isolation setting. */
  extraArgs?: readonly string[];
}

/**
 * Launches the resolved Chromium with {@link CHROMIUM_ARGS} and the npm fonts, and says once
 * per run which browser it is. Every browser test, benchmark and screenshot script launches
 * through here.
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const prepared = await prepareChromium();
  const browser = await chromium.launch({
    ...prepared.launchOptions,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    headless: options.headless ?? true,
  });
  if (process.env[ANNOUNCED_ENV] !== '1') {
    process.env[ANNOUNCED_ENV] = '1';
    console.log(describeChromium(prepared, browser.version()));
  }
  return browser;
}

/** One line: the browser, its version, where it came from, and the fonts. */
export function describeChromium(prepared: PreparedChromium, version: string): string {
  const { chromium: resolved, fonts } = prepared;
  const origin = {
    TOKENFRAME_CHROMIUM: 'from TOKENFRAME_CHROMIUM',
    system: 'installed on the system',
    npm: 'shipped by @sparticuz/chromium',
  }[resolved.source];
  const fontLine = fonts
    ? `; fonts: ${fonts.fontFiles} npm Noto files only (${fonts.fontconfigFile})`
    : '; fonts: the system';
  return `Browser: Chromium ${version}, ${origin} (${resolved.executablePath})${fontLine}`;
}
