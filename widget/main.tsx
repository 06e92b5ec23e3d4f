import { render } from 'preact';
import { App, type AuthorizedUrlParts } from './App';
import { WidgetApiClient } from './api';
import { observeContentHeight } from './autoHeight';
import { connectToHost } from './bridge';
import { createWidgetI18n } from './i18n';
import { preloadFlowPages } from './pages/flowPagesLoader';
import { fallbackTracerToken } from './tracerToken';
import './styles.css';

/**
 * Reads `/session/<id>?t=…&h=…`. The query is removed from the address bar right away: the
 * URL is single use, and leaving it there would put it in history and in any screenshot.
 */
function readAuthorizedUrl(): AuthorizedUrlParts | null {
  const match = /^\/session\/([^/]{1,100})\/?$/.exec(window.location.pathname);
  const query = new URLSearchParams(window.location.search);
  window.history.replaceState(null, '', window.location.pathname);
  const t = query.get('t');
  const h = query.get('h');
  if (!match?.[1] || !t || !h) return null;
  return { sessionIdentifier: match[1], t, h };
}

function meta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
}

async function boot() {
  const authorizedUrl = readAuthorizedUrl();
  // Start the flow pages' download now; it runs in parallel with i18n set-up and the exchange.
  void preloadFlowPages().catch(() => undefined);
  const bridge = connectToHost({
    hostOrigin: meta('tokenframe-host-origin'),
    sessionIdentifier: authorizedUrl?.sessionIdentifier ?? 'unknown',
    debug: meta('tokenframe-debug') === 'true',
  });
  const contentHeight = observeContentHeight((height) => bridge.resize(height));
  const i18n = await createWidgetI18n();
  const root = document.getElementById('app');
  if (!root) return;
  render(
    <App
      api={new WidgetApiClient()}
      bridge={bridge}
      i18n={i18n}
      authorizedUrl={authorizedUrl}
      fallbackTracerToken={fallbackTracerToken()}
      documentLocale={meta('tokenframe-locale')}
      onContentChanged={contentHeight.measure}
    />,
    root,
  );
}

void boot();
