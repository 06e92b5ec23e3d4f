import { render } from 'preact';
import { App } from './App';
import { WidgetApiClient } from './api';
import { observeContentHeight } from './autoHeight';
import { fetchReusingEarlyExchange, startExchange } from './bootExchange';
import { takeEarlyStart } from './takeEarlyStart';
import { connectToHost } from './bridge';
import { createWidgetI18n } from './i18n';
import { preloadFlowPages } from './pages/flowPagesLoader';
import { settledOrAfter } from './settledOrAfter';
import { fallbackTracerToken } from './tracerToken';
import './styles.css';

/**
 * How long the first render waits for what READY needs before it shows the loading page
 * instead (PRODUCT.md §2, "Load"). A mount whose exchange, host and form chunk are in by then
 * renders the form straight away: the recipient sees no loading page flash for a frame, and a
 * phone does not spend READY's last stretch laying that page out. Spinners shown only after a
 * short wait are the usual way to keep a fast load from flickering.
 */
const LOADING_PAGE_DELAY_MS = 250;

function meta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
}

async function boot() {
  // The document's inline script sent the exchange and the host handshake's hello before this
  // bundle arrived (earlyStart.ts); the host's answer may be in already. Everything else READY
  // needs runs in parallel: the flow pages and (below) the session's locale, whose chunks the
  // document already lists as modulepreload.
  const early = await takeEarlyStart();
  const bridge = connectToHost({
    hostOrigin: meta('tokenframe-host-origin'),
    early: early.handshake,
  });
  const earlyExchange = early.exchange;
  const authorizedUrl = earlyExchange?.url ?? null;
  const api = new WidgetApiClient(
    earlyExchange ? fetchReusingEarlyExchange(earlyExchange.response) : undefined,
  );
  const exchange = authorizedUrl ? startExchange(api, authorizedUrl) : undefined;
  const flowPages = preloadFlowPages();
  flowPages.catch(() => undefined);
  const documentLocale = meta('tokenframe-locale');
  const contentHeight = observeContentHeight((height) => bridge.resize(height));
  const inputsOrDelay = settledOrAfter(
    [exchange?.response, bridge.connected, flowPages],
    LOADING_PAGE_DELAY_MS,
  );
  const i18n = await createWidgetI18n(documentLocale || undefined);
  await inputsOrDelay;
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
