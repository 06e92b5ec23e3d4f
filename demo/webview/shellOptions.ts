import { demoEndpointsFromEnv } from '../demoEndpoints';
import { SCENARIOS, type Scenario } from '../server/scenarios';
import type { NativeBridgeKind } from './bridgeShim';

/**
 * The stand-in native app's settings, from the environment. Ports come from the same
 * variables as `npm start` (PORT, DEMO_PORT, TOKENFRAME_PUBLIC_URL); DEMO_URL and SERVICE_URL
 * override them for a demo that runs elsewhere.
 */

/** What {@link shellOptionsFromEnv} returns. */
export interface ShellOptions {
  demoUrl: string;
  /** The widget's origin: the bridge is installed there and nowhere else. */
  serviceOrigin: string;
  bridge: NativeBridgeKind;
  /** HEADLESS=1: no window; the shell plays {@link scenario} by itself and exits. */
  headless: boolean;
  scenario: Scenario;
}

/** A setting is wrong; the message says which and what is allowed. */
export class ShellOptionsError extends Error {}

const BRIDGES: readonly NativeBridgeKind[] = ['webkit', 'react-native', 'android'];

/**
 * Scenarios a standalone page can play by itself: the webview session opens on the first
 * destination (debit, no SDK to pick another), mounts at once, and ends without the SDK's
 * re-request (which standalone mode hands to the app through the error redirect instead).
 */
export const STANDALONE_SCENARIOS: readonly Scenario[] = SCENARIOS.filter(
  (scenario) =>
    scenario.destination === 'debit' &&
    scenario.mountDelayMs === undefined &&
    scenario.outcome.kind !== 'attempts_exhausted',
);

/** Reads BRIDGE, HEADLESS, SCENARIO and the demo's endpoints. */
export function shellOptionsFromEnv(env: NodeJS.ProcessEnv): ShellOptions {
  const endpoints = demoEndpointsFromEnv(env);
  const bridge = (env.BRIDGE || 'webkit') as NativeBridgeKind;
  if (!BRIDGES.includes(bridge))
    throw new ShellOptionsError(`BRIDGE must be one of ${BRIDGES.join(', ')}, got "${bridge}"`);
  const scenarioId = env.SCENARIO || 'debit-happy';
  const scenario = STANDALONE_SCENARIOS.find((s) => s.id === scenarioId);
  if (!scenario)
    throw new ShellOptionsError(
      `SCENARIO must be one of ${STANDALONE_SCENARIOS.map((s) => s.id).join(', ')}, got "${scenarioId}"`,
    );
  return {
    demoUrl: (env.DEMO_URL || endpoints.demoUrl).replace(/\/$/, ''),
    serviceOrigin: new URL(env.SERVICE_URL || endpoints.serviceUrl).origin,
    bridge,
    headless: env.HEADLESS === '1',
    scenario,
  };
}
