/**
 * A stand-in for the native side of a mobile webview. Real apps install their bridge before
 * any page script runs (iOS `WKUserContentController.add(_:name:)`, Android
 * `addJavascriptInterface`, React Native's `onMessage`); here a Chromium driven by
 * playwright-core plays the app: {@link bridgeShimScript} is added as an init script (the
 * same moment a `WKUserScript` at `.atDocumentStart` runs) and forwards every message to a
 * binding the "app" (Node) receives.
 */

/** Name of the playwright binding the shim calls: `(bridge, message) => void`. */
export const NATIVE_BRIDGE_BINDING = '__tokenframeNativeBridge';

/** The three bridges of PRODUCT.md §5, as the widget looks them up. */
export type NativeBridgeKind = 'webkit' | 'react-native' | 'android';

/** One message the stand-in app received. */
export interface NativeBridgeMessage {
  bridge: NativeBridgeKind;
  /** The event object (webkit) or the parsed JSON string (react-native, android). */
  event: Record<string, unknown>;
  /** The page URL that sent it. */
  url: string;
}

/**
 * Init-script source that installs the chosen bridges, but only on pages of the widget's
 * origin, as an app would scope its handler to its payment domain.
 */
export function bridgeShimScript(
  widgetOrigin: string,
  bridges: readonly NativeBridgeKind[],
): string {
  return `(() => {
  if (location.origin !== ${JSON.stringify(widgetOrigin)}) return;
  const send = (bridge, message) => window[${JSON.stringify(NATIVE_BRIDGE_BINDING)}](bridge, message, location.href);
  const bridges = ${JSON.stringify(bridges)};
  if (bridges.includes('webkit')) {
    window.webkit = { messageHandlers: { tokenframe: { postMessage: (event) => send('webkit', event) } } };
  }
  if (bridges.includes('react-native')) {
    window.ReactNativeWebView = { postMessage: (json) => send('react-native', JSON.parse(json)) };
  }
  if (bridges.includes('android')) {
    window.TokenframeAndroid = { postMessage: (json) => send('android', JSON.parse(json)) };
  }
})();`;
}
