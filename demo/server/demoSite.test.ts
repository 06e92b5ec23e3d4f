import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoSite } from './demoSite';
import { sriSha384 } from './sdkIntegrity';
import { webhookSignatureV1 } from './webhookSignature';

/** A stand-in service: serves an SDK file and answers session creates, recording keys. */
let fakeService: Server;
let serviceUrl: string;
let site: FastifyInstance;
const createCalls: { key: string | undefined; body: string }[] = [];
const sdkBytes = Buffer.from('window.Tokenframe = {};');

beforeEach(async () => {
  createCalls.length = 0;
  const sessions = new Map<string, string>();
  fakeService = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/sdk/tokenframe.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return res.end(sdkBytes);
      }
      const key = req.headers['idempotency-key'] as string | undefined;
      createCalls.push({ key, body: Buffer.concat(chunks).toString() });
      const replay = key !== undefined && sessions.has(key);
      const id = sessions.get(key ?? '') ?? `sess_${sessions.size + 1}`;
      if (key) sessions.set(key, id);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: replay ? 101 : 100,
          client_message: 'ok',
          data: {
            session_identifier: id,
            authorized_url: `${serviceUrl}/session/${id}?t=1&h=x${createCalls.length}`,
            authorized_url_expiration_utc: '2026-11-23T12:00:30Z',
          },
          time: 0,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => fakeService.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(fakeService.address() as AddressInfo).port}`;
  site = await buildDemoSite({
    serviceUrl,
    credentials: { username: 'demo', secret: 'demo-secret' },
    webhookSecret: 'whsec_demo_test',
    port: 3999,
  });
});

afterEach(async () => {
  await site.close();
  await new Promise((resolve) => fakeService.close(resolve));
});

describe('demo site', () => {
  it('renders the SDK script tag with the SRI hash of the bytes the service serves, under a CSP', async () => {
    const response = await site.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`integrity="${sriSha384(sdkBytes)}"`);
    expect(response.body).toContain(`src="${serviceUrl}/sdk/tokenframe.js?v=`);
    expect(response.body).not.toMatch(/<script>(?!<\/script>)/);
    expect(response.headers['content-security-policy']).toContain(`frame-src ${serviceUrl}`);
  });

  it('replays one recipient with one idempotency key and the same body on every re-request', async () => {
    const created = await site.inject({
      method: 'POST',
      url: '/demo/api/recipients',
      headers: { origin: 'http://localhost:3999', 'content-type': 'application/json' },
      payload: { language_locale_code: 'de-DE', theme_variant: 'dark' },
    });
    const { recipient_id } = created.json<{ recipient_id: string }>();
    const first = await site.inject({
      method: 'POST',
      url: `/demo/api/recipients/${recipient_id}/authorized-url`,
    });
    const second = await site.inject({
      method: 'POST',
      url: `/demo/api/recipients/${recipient_id}/authorized-url`,
    });
    expect(first.json()).toMatchObject({ status: 100, session_identifier: 'sess_1' });
    expect(second.json()).toMatchObject({ status: 101, session_identifier: 'sess_1' });
    expect(second.json().authorized_url).not.toBe(first.json().authorized_url);
    expect(createCalls[0]?.key).toBeTruthy();
    expect(createCalls[1]?.key).toBe(createCalls[0]?.key);
    expect(createCalls[1]?.body).toBe(createCalls[0]?.body);
    expect(JSON.parse(createCalls[0]!.body)).toMatchObject({
      host_uri: 'http://localhost:3999',
      language_locale_code: 'de-DE',
      theme_variant: 'dark',
    });
  });

  it('gives a standalone recipient redirect URLs back to the demo result page', async () => {
    const created = await site.inject({
      method: 'POST',
      url: '/demo/api/recipients',
      headers: { origin: 'http://127.0.0.1:3999', 'content-type': 'application/json' },
      payload: { language_locale_code: 'en-US', standalone: true },
    });
    expect(created.json().create_body).toMatchObject({
      host_uri: 'http://127.0.0.1:3999',
      success_redirect_url: 'http://127.0.0.1:3999/webview-result.html?outcome=success',
      error_redirect_url: 'http://127.0.0.1:3999/webview-result.html?outcome=error',
    });
  });

  it('answers 404 for an unknown recipient instead of creating a keyless session', async () => {
    const response = await site.inject({
      method: 'POST',
      url: '/demo/api/recipients/nope/authorized-url',
    });
    expect(response.statusCode).toBe(404);
    expect(createCalls).toHaveLength(0);
  });

  it('rejects a badly signed webhook with 400 and logs a good one once', async () => {
    const raw = JSON.stringify({
      metadata: { id: 'evt_9', topic: 'tokenframe.ready', timestamp: '', version: '1' },
      data: { ancillary: { participant_unique_id1: 'demo-x', session_id: 's' }, event: {} },
    });
    const t = Math.floor(Date.now() / 1000);
    const good = `t=${t},v1=${webhookSignatureV1('whsec_demo_test', t, raw)}`;
    const bad = `t=${t},v1=${webhookSignatureV1('wrong-secret', t, raw)}`;
    const post = (signature: string) =>
      site.inject({
        method: 'POST',
        url: '/webhooks',
        headers: { 'content-type': 'application/json', 'tokenframe-signature': signature },
        payload: raw,
      });
    expect((await post(bad)).statusCode).toBe(400);
    expect((await post(good)).json()).toEqual({ received: true, duplicate: false });
    expect((await post(good)).json()).toEqual({ received: true, duplicate: true });
    const log = await site.inject({
      method: 'GET',
      url: '/demo/api/webhooks?participant_unique_id1=demo-x',
    });
    expect(log.json().webhooks).toHaveLength(1);
    expect(log.json().webhooks[0]).toMatchObject({ id: 'evt_9', deliveries: 2 });
  });

  it('serves the page scripts but not the raw HTML templates as assets', async () => {
    expect((await site.inject({ method: 'GET', url: '/assets/demo-page.js' })).statusCode).toBe(
      200,
    );
    expect((await site.inject({ method: 'GET', url: '/assets/index.html' })).statusCode).toBe(404);
  });

  it('pins the widget origin in every native-bridge snippet', async () => {
    const page = await site.inject({ method: 'GET', url: '/native-bridge.html' });
    expect(page.statusCode).toBe(200);
    const { hostname, port } = new URL(serviceUrl);
    // iOS: the handler compares the sending frame's scheme, host and port.
    expect(page.body).toContain(
      `let widgetScheme = "http", widgetHost = "${hostname}", widgetPort = ${port}`,
    );
    expect(page.body).toContain('origin.protocol == widgetScheme, origin.host == widgetHost');
    expect(page.body).toContain('message.frameInfo.isMainFrame');
    // Android: a WebMessageListener whose allowed-origin rule is the service origin.
    expect(page.body).toContain(`setOf("${serviceUrl}")`);
    expect(page.body).toContain('WebViewCompat.addWebMessageListener(');
    expect(page.body).not.toContain('addJavascriptInterface(');
    // React Native: onMessage drops messages from pages on other origins.
    expect(page.body).toContain(`const WIDGET_ORIGIN = '${serviceUrl}';`);
    expect(page.body).toContain('if (!fromWidget(e.nativeEvent.url)) return;');
  });
});
