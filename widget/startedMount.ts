import type { FundingDestination, WidgetSession } from '../protocol';

/** A live mount: exchanged just now, or resumed after a reload of a standalone page. */
export interface StartedMount {
  session: WidgetSession;
  resumed: boolean;
  /** Resumed only: the destination the recipient last chose in this mount. */
  destination?: FundingDestination;
}
