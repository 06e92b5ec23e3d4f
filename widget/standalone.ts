import { EVENTS, type WidgetEvent } from '../protocol';

/**
 * Native webview bridges of PRODUCT.md §5. When the authorized_url is the top-level page
 * (a mobile app's webview), there is no host SDK: each event goes to whichever of these the
 * app injected. iOS WKWebView takes a structured object; React Native and Android's
 * `addJavascriptInterface` take a string.
 */
interface NativeWindow {
  webkit?: { messageHandlers?: { tokenframe?: { postMessage(message: unknown): void } } };
  ReactNativeWebView?: { postMessage(message: string): void };
  TokenframeAndroid?: { postMessage(message: string): void };
}

/**
 * Delivers one (already validated) event to every native bridge present. Returns how many
 * bridges received it, so callers can log when none exists. A throwing bridge does not stop
 * the others.
 */
export function deliverToNativeBridges(event: WidgetEvent, target: object = window): number {
  const native = target as NativeWindow;
  const json = JSON.stringify(event);
  const sinks: Array<() => void> = [];
  const ios = native.webkit?.messageHandlers?.tokenframe;
  if (ios) sinks.push(() => ios.postMessage(event));
  const reactNative = native.ReactNativeWebView;
  if (reactNative) sinks.push(() => reactNative.postMessage(json));
  const android = native.TokenframeAndroid;
  if (android) sinks.push(() => android.postMessage(json));
  let delivered = 0;
  for (const sink of sinks) {
    try {
      sink();
      delivered += 1;
    } catch {
      // A broken native handler must not stop the others or the flow.
    }
  }
  return delivered;
}

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
