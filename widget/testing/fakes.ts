import { vi } from 'vitest';
import type { HostConnect, WidgetEvent, WidgetSession } from '../../protocol';
import type { Bridge } from '../bridge';

/** A bridge that records events and resolves `connected` with `host` (null: standalone). */
export function fakeBridge(host: HostConnect | null = defaultHost()) {
  const events: WidgetEvent[] = [];
  const bridge: Bridge = {
    mode: host ? 'embedded' : 'standalone',
    connected: Promise.resolve(host),
    emit: (event) => events.push(event),
    resize: vi.fn(),
    destroy: vi.fn(),
  };
  return { bridge, events };
}

/** A host_connect for the debit destination. */
export function defaultHost(overrides: Partial<HostConnect> = {}): HostConnect {
  return {
    namespace: 'tokenframe',
    version: 1,
    type: 'host_connect',
    funding_destination: 'debit',
    debug: false,
    ...overrides,
  };
}

/** The session the fake service returns at exchange. */
export function fakeSession(overrides: Partial<WidgetSession> = {}): WidgetSession {
  return {
    session_identifier: 'ses_test',
    tracer_token: 'trc_test',
    language_locale_code: 'en-US',
    theme_variant: 'light',
    host_origin: 'http://127.0.0.1:3000',
    funding_destinations: ['debit', 'credit', 'ach'],
    success_redirect_url: 'https://merchant.example/done',
    error_redirect_url: 'https://merchant.example/failed',
    attempts: {
      recipient_verification_remaining: 3,
      account_verification_remaining: 3,
      session_remaining: 5,
    },
    ...overrides,
  };
}

/** One answer: status (200), JSON body and extra headers. */
interface Answer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}
type Route = Answer | ((body: unknown) => Answer);

/** A fetch answering `METHOD /path` from a table of routes, recording every request. */
export function fakeFetch(routes: Record<string, Route | Route[]>) {
  const calls: { method: string; path: string; body: unknown; headers: Record<string, string> }[] =
    [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://widget.test');
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace('/api/widget/v1', '');
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body, headers: (init?.headers ?? {}) as Record<string, string> });
    const entry = routes[`${method} ${path}`];
    const route = Array.isArray(entry) ? entry.shift() : entry;
    if (!route) return new Response(JSON.stringify({ error: 'not_found' }), { status: 404 });
    const answer = typeof route === 'function' ? route(body) : route;
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, calls };
}
