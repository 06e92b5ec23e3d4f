import type { ServiceConfig } from './config';
import type { Store } from './storage/store';

/**
 * What every route plugin and job receives, in one shape. The config is frozen when the app
 * is built: whatever a test or an operator wants different goes through `readEnvConfig`.
 */
export interface ServiceContext {
  readonly store: Store;
  readonly config: Readonly<ServiceConfig>;
  /** Epoch ms; tests inject a clock they can move. */
  readonly clock: () => number;
}
