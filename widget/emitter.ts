import { EVENTS, type WidgetEvent } from '../protocol';
import type { Bridge } from './bridge';
import { finalOutcomeRedirect, type RedirectUrls } from './standalone';
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
 * standalone mode a final outcome then navigates to the session's redirect URL (PRODUCT.md §5),
 * and so does TERMINAL_FAILURE_ACKNOWLEDGED (see {@link acknowledgedFailureRedirect}).
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
    const target =
      finalOutcomeRedirect(event, this.redirects) ??
      acknowledgedFailureRedirect(event, this.redirects);
    if (target) this.navigate(target);
  }
}

/**
 * Where a standalone page goes when the recipient presses Continue on the terminal-failure
 * page: the error URL, with `session_identifier` and `event_name` in the query. Embedded, the
 * SDK answers this event with a fresh authorized_url (PRODUCT.md §3); a plain-browser webview
 * has no SDK, so the app's error URL is its only way to re-request. A native app also gets the
 * event through its bridge, which has already run. `finalOutcomeRedirect` (standalone.ts)
 * covers final outcomes only and returns null for this event, hence this companion. Only
 * http(s) targets are followed, as there.
 */
export function acknowledgedFailureRedirect(event: WidgetEvent, urls: RedirectUrls): string | null {
  if (event.event_name !== EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED || !urls.error_redirect_url)
    return null;
  let url: URL;
  try {
    url = new URL(urls.error_redirect_url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.searchParams.set('session_identifier', event.session_identifier);
  url.searchParams.set('event_name', event.event_name);
  return url.toString();
}
