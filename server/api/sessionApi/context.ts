import type { Store } from '../../storage/store';
import type { ServiceConfig } from '../../config';
import type { TokenBuckets } from '../../http/tokenBucket';

/** What the Session Management and ops routes share. */
export interface SessionApiContext {
  store: Store;
  config: ServiceConfig;
  clock: () => number;
  rateLimits: TokenBuckets;
}
