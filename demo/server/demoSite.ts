import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { LOCALES } from '../../protocol/constants';
import { DemoRecipients } from './demoRecipients';
import type { MerchantCredentials } from './hmacSigner';
import { demoPageCsp, renderPage } from './pageRenderer';
import { SCENARIOS } from './scenarios';
import { sdkIntegrityFetcher } from './sdkIntegrity';
import { SessionApiClient } from './sessionApiClient';
import { WebhookInbox } from './webhookInbox';

/**
 * The demo merchant site: its pages, and the small backend a real merchant would write —
 * session creation with HMAC signing and one idempotency key per recipient, a read-only
 * proxy of the ops API for the session panel, and a webhook receiver.
 */

/** Options of {@link buildDemoSite}. */
export interface DemoSiteOptions {
  /** The service origin, as both the browser and this backend reach it. */
  serviceUrl: string;
  credentials: MerchantCredentials;
  /** Shared with the service (`TOKENFRAME_WEBHOOK_SECRET`). */
  webhookSecret: string;
  /** Port this site listens on; used to recognise its own origins for `host_uri`. */
  port: number;
  publicDir?: string;
  logger?: boolean;
}

const DEFAULT_PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const PAGES = ['index.html', 'webview.html', 'webview-result.html', 'native-bridge.html'];

/** Builds the Fastify app (not listening yet). */
export async function buildDemoSite(options: DemoSiteOptions): Promise<FastifyInstance> {
  const publicDir = options.publicDir ?? DEFAULT_PUBLIC_DIR;
  const serviceUrl = new URL(options.serviceUrl);
  const serviceOrigin = serviceUrl.origin;
  const sdkUrl = `${serviceOrigin}/sdk/tokenframe.js`;
  const sdkIntegrity = sdkIntegrityFetcher(sdkUrl);
  const client = new SessionApiClient(serviceOrigin, options.credentials);
  const recipients = new DemoRecipients();
  const inbox = new WebhookInbox(options.webhookSecret);
  const ownOrigins = [`http://localhost:${options.port}`, `http://127.0.0.1:${options.port}`];

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 256 * 1024 });
  // Raw bytes for every JSON body: the webhook signature covers the exact bytes.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  const jsonOf = (body: unknown): Record<string, unknown> => {
    if (!Buffer.isBuffer(body) || body.length === 0) return {};
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  };
  /** The page's own origin, for host_uri; a foreign Origin falls back to localhost. */
  const pageOrigin = (origin: string | undefined, host: string | undefined): string => {
    if (origin && ownOrigins.includes(origin)) return origin;
    const fromHost = host ? `http://${host}` : '';
    return ownOrigins.includes(fromHost) ? fromHost : ownOrigins[0]!;
  };

  for (const page of PAGES) {
    const route = page === 'index.html' ? '/' : `/${page}`;
    app.get(route, async (_request, reply) => {
      let integrity: string;
      try {
        integrity = await sdkIntegrity();
      } catch {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(
            `The Tokenframe service at ${serviceOrigin} is not reachable (GET ${sdkUrl} failed).`,
          );
      }
      const html = await renderPage(publicDir, page, {
        // The service caches /sdk/tokenframe.js as immutable; a content-derived query makes a
        // rebuilt SDK a new URL, so a browser never pairs a cached old file with a new hash.
        SDK_URL: `${sdkUrl}?v=${createHash('sha256').update(integrity).digest('hex').slice(0, 12)}`,
        SDK_INTEGRITY: integrity,
        SERVICE_ORIGIN: serviceOrigin,
        // The native-bridge page pins this origin in its iOS snippet, part by part.
        WIDGET_SCHEME: serviceUrl.protocol.replace(/:$/, ''),
        WIDGET_HOST: serviceUrl.hostname,
        WIDGET_PORT: serviceUrl.port || '0',
      });
      return reply
        .header('content-security-policy', demoPageCsp(serviceOrigin))
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(html);
    });
  }
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/assets/',
    index: false,
    allowedPath: (path) => !path.endsWith('.html'),
    maxAge: 0,
  });

  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  app.get('/demo/api/config', async () => ({
    serviceOrigin,
    locales: LOCALES,
    themes: ['light', 'dark'],
    scenarios: SCENARIOS,
  }));

  app.post('/demo/api/recipients', async (request, reply) => {
    const body = jsonOf(request.body);
    const locale = String(body.language_locale_code ?? 'en-US');
    const theme = body.theme_variant === 'dark' ? 'dark' : 'light';
    const origin = pageOrigin(request.headers.origin, request.headers.host);
    const standalone = body.standalone === true;
    const recipient = recipients.start({
      language_locale_code: locale,
      theme_variant: theme,
      host_uri: origin,
      ...(standalone
        ? {
            success_redirect_url: `${origin}/webview-result.html?outcome=success`,
            error_redirect_url: `${origin}/webview-result.html?outcome=error`,
          }
        : {}),
    });
    return reply.code(201).send({
      recipient_id: recipient.id,
      participant_unique_id1: recipient.participantUniqueId1,
      // The key is shown on the page so QA can see replays reuse it; it is not a secret.
      idempotency_key: recipient.idempotencyKey,
      create_body: recipient.createBody,
    });
  });

  // The endpoint behind the SDK's fetchAuthorizedUrl: always the recipient's one key.
  app.post<{ Params: { id: string } }>(
    '/demo/api/recipients/:id/authorized-url',
    async (request, reply) => {
      const recipient = recipients.get(request.params.id);
      if (!recipient) return reply.code(404).send({ error: 'unknown_recipient' });
      const answer = await client.createSession(recipient.createBody, recipient.idempotencyKey);
      const data = answer.envelope.data as Record<string, unknown> | null | undefined;
      if (answer.httpStatus !== 200 || !data || typeof data.authorized_url !== 'string') {
        if (answer.retryAfter) reply.header('retry-after', answer.retryAfter);
        return reply.code(answer.httpStatus >= 400 ? answer.httpStatus : 502).send({
          error: 'session_api_error',
          status: answer.envelope.status,
          client_message: answer.envelope.client_message,
          developer_message: answer.envelope.developer_message,
        });
      }
      recipients.rememberSession(recipient.id, String(data.session_identifier));
      return {
        authorized_url: data.authorized_url,
        authorized_url_expiration_utc: data.authorized_url_expiration_utc,
        session_identifier: data.session_identifier,
        status: answer.envelope.status,
      };
    },
  );

  // Read-only ops API proxy for the session panel (signed GETs; terminate is not exposed).
  app.get<{ Params: { id: string } }>('/demo/api/sessions/:id', async (request, reply) => {
    const answer = await client.getSession(request.params.id);
    return reply.code(answer.httpStatus || 502).send(answer.envelope);
  });
  app.get<{ Querystring: { participant_unique_id1?: string } }>(
    '/demo/api/sessions',
    async (request, reply) => {
      const query: Record<string, string> = { include_summary: 'true' };
      if (request.query.participant_unique_id1)
        query.participant_unique_id1 = request.query.participant_unique_id1;
      const answer = await client.listSessions(query);
      return reply.code(answer.httpStatus || 502).send(answer.envelope);
    },
  );

  app.post('/webhooks', async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signature = request.headers['tokenframe-signature'];
    const receipt = inbox.receive(raw, typeof signature === 'string' ? signature : undefined);
    if (receipt.status === 400) return reply.code(400).send({ error: receipt.reason });
    return { received: true, duplicate: receipt.duplicate };
  });
  app.get<{
    Querystring: { after?: string; participant_unique_id1?: string; session_id?: string };
  }>('/demo/api/webhooks', async (request) => ({
    webhooks: inbox.list({
      after: Number(request.query.after ?? 0) || 0,
      participantUniqueId1: request.query.participant_unique_id1,
      sessionId: request.query.session_id,
    }),
  }));

  return app;
}
