import type { CDPSession } from 'playwright-core';

/** How one benchmark condition slows the page down (Chrome DevTools' own presets). */
export interface NetworkProfile {
  /** What `npm run bench:mount -- --only <key>` selects it by. */
  key: 'cold' | 'throttled' | 'warm';
  name: string;
  /** Emulation.setCPUThrottlingRate: 1 = full speed, 4 = a mid-range phone. */
  cpuSlowdown: number;
  /** Network.emulateNetworkConditions; `null` = the loopback as is. */
  network: { latency: number; downloadThroughput: number; uploadThroughput: number } | null;
  /** Measure a second mount in the same page, with the HTTP cache on (a returning recipient). */
  warm?: boolean;
}

/**
 * DevTools' "Fast 3G" (the values of its network presets): 562.5 ms of request latency,
 * 1.44 Mbit/s down, 675 kbit/s up, in bytes per second as CDP wants them.
 */
const FAST_3G = {
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};

/** The conditions of the mount benchmark. */
export const PROFILES: readonly NetworkProfile[] = [
  { key: 'cold', name: 'cold', cpuSlowdown: 1, network: null },
  { key: 'throttled', name: 'cold, 4× CPU + Fast 3G', cpuSlowdown: 4, network: FAST_3G },
  { key: 'warm', name: 'warm cache', cpuSlowdown: 1, network: null, warm: true },
];

/** Applies `profile` to the page behind `cdp`; the HTTP cache is off unless it is `warm`. */
export async function applyProfile(cdp: CDPSession, profile: NetworkProfile): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !profile.warm });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  if (profile.network)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
}
