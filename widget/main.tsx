import { render } from 'preact';
import { App } from './App';
import { WidgetApiClient } from './api';
import { observeContentHeight } from './autoHeight';
import { startExchange, type AuthorizedUrlParts } from './bootExchange';
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
  // Everything READY needs starts now and runs in parallel: the exchange, the flow pages and
  // (below) the session's locale, whose chunks the document already lists as modulepreload.
  const api = new WidgetApiClient();
  const exchange = authorizedUrl ? startExchange(api, authorizedUrl) : undefined;
  void preloadFlowPages().catch(() => undefined);
  const documentLocale = meta('tokenframe-locale');
  const bridge = connectToHost({
    hostOrigin: meta('tokenframe-host-origin'),
    sessionIdentifier: authorizedUrl?.sessionIdentifier ?? 'unknown',
    debug: meta('tokenframe-debug') === 'true',
  });
  const contentHeight = observeContentHeight((height) => bridge.resize(height));
  const i18n = await createWidgetI18n(documentLocale || undefined);
  const root = document.getElementById('app');
  if (!root) return;
  render(
    <App
      api={api}
      bridge={bridge}
      i18n={i18n}
      authorizedUrl={authorizedUrl}
      exchange={exchange}
      fallbackTracerToken={fallbackTracerToken()}
      documentLocale={documentLocale}
      onContentChanged={contentHeight.measure}
    />,
    root,
  );
}

void boot();
