import type { WidgetEvent } from '../protocol';

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
 * bridges received it. A throwing bridge does not stop the others.
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
