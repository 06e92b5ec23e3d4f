import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ALWAYS_COMPRESS } from '../http/compression';
import { isOrigin } from '../domain/programs/program';
import type { ServiceContext } from '../context';
import { refuseUnstorableInput } from '../http/inputGuard';
import { verifyAuthorizedUrl } from '../domain/sessions/authorizedUrl';
import { bootAssets, injectBootAssets } from './bootAssets';
import { hashedAssetRoutes, IMMUTABLE } from './hashedAssets';
import {
  injectSessionMeta,
  widgetDocumentHeaders,
  type SessionMeta,
} from './widgetDocumentHeaders';

/**
 * Serves the widget: GET /session/:id?t=…&h=… is the built `dist/widget/index.html` with the
 * session's host origin, tracer token and language injected when `h` signs the id and `t`,
 * and the security headers of {@link widgetDocumentHeaders}; the build's files are under
 * /widget/ (hashed assets from memory, cached immutably: `hashedAssets.ts`). The document itself is never
 * served from /widget/, where it would lack its per-session CSP.
 */
export async function widgetDocumentRoutes(
  app: FastifyInstance,
  options: ServiceContext,
): Promise<void> {
  const widgetDir = join(options.config.distDir, 'widget');
  app.addHook('preValidation', refuseUnstorableInput);

  app.get<{ Params: { id: string }; Querystring: { t?: unknown; h?: unknown } }>(
    '/session/:id',
    ALWAYS_COMPRESS,
    async (request, reply) => {
      const { t, h } = request.query;
      // Only the holder of a signed authorized_url learns anything about the session: without
      // a valid `h` the page names no host origin, tracer token or language (PRODUCT.md §1).
      // An expired but genuine URL still gets them, so its error page reports the real tracer.
      const signed =
        typeof t === 'string' &&
        typeof h === 'string' &&
        t.length <= 20 &&
        verifyAuthorizedUrl(options.config.urlSecret, request.params.id, t, h);
      const session = signed ? await sessionMetaOf(options, request.params.id) : NO_SESSION;
      let html: string;
      try {
        html = await readFile(join(widgetDir, 'index.html'), 'utf8');
      } catch {
        request.log.error('widget build missing: run `npm run build` (dist/widget/index.html)');
        return reply
          .code(503)
          .headers(widgetDocumentHeaders(null))
          .send('<!doctype html><title>Tokenframe</title><p>The widget is not built.</p>');
      }
      const boot = await bootAssets(widgetDir, {
        locale: session.locale,
        flowPages: session.hostOrigin !== null,
        // Chromium and Safari 16.4+ say `iframe` for the SDK's frame; a browser that says
        // nothing may be a webview.
        standalone: request.headers['sec-fetch-dest'] !== 'iframe',
        themeVariant: session.themeVariant ?? null,
      });
      return reply
        .headers(widgetDocumentHeaders(session.hostOrigin, boot.inlineScript?.cspSource))
        .send(injectBootAssets(injectSessionMeta(html, session), boot));
    },
  );

  hashedAssetRoutes(app, join(widgetDir, 'assets'));
  await app.register(fastifyStatic, {
    root: widgetDir,
    prefix: '/widget/',
    decorateReply: false,
    index: false,
    // The document is served only templated, at /session/:id; the build manifest and the
    // document's inline script are internal.
    allowedPath: (pathName) =>
      pathName !== '/index.html' &&
      !pathName.startsWith('/.vite/') &&
      !pathName.startsWith('/inline/'),
    cacheControl: false,
    // The build writes `.br` and `.gz` beside each asset; the best one `Accept-Encoding` allows
    // is sent, with `Vary: Accept-Encoding`.
    preCompressed: true,
    setHeaders: (response, path) => {
      response.header('x-content-type-options', 'nosniff');
      // Files outside assets/ (copied from widget/public) keep their names, so revalidate them.
      const hashed = path.includes(`${join(widgetDir, 'assets')}`);
      response.header('cache-control', hashed ? IMMUTABLE : 'public, max-age=0, must-revalidate');
    },
  });
}

const NO_SESSION: SessionMeta = { hostOrigin: null };

/** The session's host origin, tracer token and language, or no meta when there is no such session. */
async function sessionMetaOf(options: ServiceContext, sessionId: string): Promise<SessionMeta> {
  if (sessionId.length > 100) return NO_SESSION;
  const rows = await options.store.query<{
    host_origin: string;
    tracer_token: string | null;
    language_locale_code: string | null;
    theme_variant: string | null;
  }>(
    'SELECT host_origin, tracer_token, language_locale_code, theme_variant FROM sessions WHERE id = $1',
    [sessionId],
  );
  const row = rows[0];
  // The origin came from the program's allowlist; checking again keeps the header unforgeable.
  if (!row?.host_origin || !isOrigin(row.host_origin)) return NO_SESSION;
  return {
    hostOrigin: row.host_origin,
    tracerToken: row.tracer_token,
    locale: row.language_locale_code,
    themeVariant: row.theme_variant,
  };
}
