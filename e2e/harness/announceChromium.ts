import { launchChromium } from '../../chromium/launchChromium';

/**
 * Vitest global setup of the browser suite: launches the resolved Chromium once before any
 * test file runs. That unpacks the npm-shipped browser and the fonts a single time (not once
 * per file), fails the run at once with the resolver's one-line error when there is no
 * browser, and prints which browser runs. The workers inherit the "announced" mark and stay
 * quiet.
 */
export default async function announceChromium(): Promise<void> {
  const browser = await launchChromium();
  await browser.close();
}
