import { EVENTS } from '../protocol/constants';
import type { WidgetEvent } from '../protocol/events';

/** Redirect targets a session may carry (from the exchange's `widgetSessionSchema`). */
export interface RedirectUrls {
  success_redirect_url?: string;
  error_redirect_url?: string;
}

const TO_ERROR_URL: readonly string[] = [
  EVENTS.FUNDING_CANCELED,
  EVENTS.MAX_VERIFICATION_ATTEMPTS_EXCEEDED,
  EVENTS.SESSION_ERROR,
  EVENTS.TERMINAL_FAILURE_ACKNOWLEDGED,
];

/**
 * Where a standalone page goes after `event` (PRODUCT.md §5), or null when it stays.
 * TOKEN_SUCCESS goes to the success URL. Cancel, max attempts and any session error go to the
 * error URL: a standalone page cannot re-request a URL itself, so the app must take over. So
 * does TERMINAL_FAILURE_ACKNOWLEDGED (Continue on the terminal-failure page): embedded, the SDK
 * answers it with a fresh authorized_url (PRODUCT.md §3), but a plain-browser webview has no
 * SDK. A native app also gets each event through its bridge, which has already run.
 * The query gets `session_identifier` and `event_name`; only http(s) targets are followed.
 */
export function standaloneRedirect(event: WidgetEvent, urls: RedirectUrls): string | null {
  const target =
    event.event_name === EVENTS.TOKEN_SUCCESS
      ? urls.success_redirect_url
      : TO_ERROR_URL.includes(event.event_name)
        ? urls.error_redirect_url
        : undefined;
  if (!target) return null;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.searchParams.set('session_identifier', event.session_identifier);
  url.searchParams.set('event_name', event.event_name);
  return url.toString();
}
