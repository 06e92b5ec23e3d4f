import type { WidgetEvent } from '../protocol';
import type { Bridge } from './bridge';
import { loadStandaloneMode } from './standaloneModeLoader';
import type { RedirectUrls } from './standaloneRedirect';
import type { FlowEventPayload } from './ui/WidgetContext';

/** The fields every event carries, known once the URL is exchanged. */
export interface EventCommonFields {
  session_identifier: string;
  tracer_token: string;
}

/**
 * Adds the session's common fields to each event and hands it to the bridge (which validates
 * the full payload against the protocol schema). Events raised before the exchange answers
 * (the loading page's PAGE_LOAD) wait, in order, until the common fields are known. In
 * standalone mode a final outcome, or Continue after a terminal failure, then navigates to the
 * session's redirect URL (PRODUCT.md §5, `standaloneRedirect`).
 */
export class HostEventEmitter {
  private common: EventCommonFields | null = null;
  private redirects: RedirectUrls = {};
  private readonly waiting: FlowEventPayload[] = [];

  constructor(
    private readonly bridge: Pick<Bridge, 'mode' | 'emit'>,
    private readonly navigate: (url: string) => void = (url) => window.location.assign(url),
  ) {}

  /** Sets the common fields (and redirect URLs) and sends everything that waited. */
  start(common: EventCommonFields, redirects: RedirectUrls = {}): void {
    this.common = common;
    this.redirects = redirects;
    for (const payload of this.waiting.splice(0)) this.emit(payload);
  }

  /** Sends one event now, or after {@link start}. */
  emit(payload: FlowEventPayload): void {
    if (!this.common) {
      this.waiting.push(payload);
      return;
    }
    const event = { ...payload, ...this.common } as WidgetEvent;
    this.bridge.emit(event);
    if (this.bridge.mode !== 'standalone') return;
    // The app has the event through its native bridge already; the redirect, if any, follows.
    // Its chunk came with the page (preloaded); if it failed, the app still takes over.
    loadStandaloneMode().then(
      ({ standaloneRedirect }) => {
        const target = standaloneRedirect(event, this.redirects);
        if (target) this.navigate(target);
      },
      () => undefined,
    );
  }
}
