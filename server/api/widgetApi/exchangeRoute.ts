import type { FastifyInstance } from 'fastify';
import type { SessionErrorCode } from '../../../protocol/constants';
import {
  exchangeRequestSchema,
  WIDGET_API_BASE,
  type ExchangeResponse,
} from '../../../protocol/widgetApi';
import { findProgram } from '../../config';
import type { ServiceContext } from '../../context';
import { rateLimitHook } from '../../http/rateLimit';
import type { RateLimit } from '../../http/tokenBucket';
import { WidgetApiFailure } from './widgetApiError';
import { attemptsRemaining } from '../../domain/verification/attempts';
import { exchangeAuthorizedUrl } from '../../domain/sessions/exchange';

// Expired or used URLs are recoverable (the SDK re-requests); final sessions are gone for good.
const FAILURE_OF: Record<SessionErrorCode, 'unauthorized' | 'session_final'> = {
  invalid_url: 'unauthorized',
  url_expired: 'unauthorized',
  url_used: 'unauthorized',
  session_completed: 'session_final',
  session_terminated: 'session_final',
};

/**
 * Per client IP, for the exchange. Generous: a recipient exchanges once per mount (plus SDK
 * re-requests), but many recipients may share one office or carrier NAT address. It only
 * has to stop someone hammering the endpoint to guess signatures or load the database.
 */
export const EXCHANGE_RATE_LIMIT: RateLimit = { burst: 60, per_second: 10 };

/**
 * `POST /api/widget/v1/exchange`: the widget trades its authorized_url for a bearer token.
 * Unauthenticated, so rate limited per client IP (`config.exchangeRateLimit`, default
 * {@link EXCHANGE_RATE_LIMIT}) before any work is done.
 */
export async function exchangeRoute(app: FastifyInstance, context: ServiceContext): Promise<void> {
  // On PostgreSQL the buckets are shared by every instance (PRODUCT.md §10).
  const perClientIp = rateLimitHook(
    context.clock,
    (request) => ({
      key: `\u0001exchange\u0000${request.ip}`,
      limit: context.config.exchangeRateLimit ?? EXCHANGE_RATE_LIMIT,
    }),
    context.store,
  );
  app.post(`${WIDGET_API_BASE}/exchange`, { preHandler: perClientIp }, async (request, reply) => {
    const parsed = exchangeRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new WidgetApiFailure('invalid_request', 'invalid_url');
    const result = await exchangeAuthorizedUrl(
      context.store,
      parsed.data,
      context.clock(),
      context.config.urlSecret,
    );
    if (!result.ok) throw new WidgetApiFailure(FAILURE_OF[result.error], result.error);
    const { session, mount, accessToken } = result;
    const program = findProgram(context.config, session.program);
    if (!program) throw new Error(`session ${session.id} belongs to an unconfigured program`);
    const params = session.params as { success_redirect_url?: string; error_redirect_url?: string };
    const body: ExchangeResponse = {
      access_token: accessToken,
      session: {
        session_identifier: session.id,
        tracer_token: session.tracer_token,
        language_locale_code:
          session.language_locale_code as ExchangeResponse['session']['language_locale_code'],
        theme_variant: session.theme_variant as ExchangeResponse['session']['theme_variant'],
        host_origin: session.host_origin,
        funding_destinations: program.funding_destinations,
        ...(params.success_redirect_url
          ? { success_redirect_url: params.success_redirect_url }
          : {}),
        ...(params.error_redirect_url ? { error_redirect_url: params.error_redirect_url } : {}),
        // The same capped numbers the widget API answers: a feature never has more tries
        // left than the session.
        attempts: attemptsRemaining(
          {
            recipient_verification: mount.recipient_verification_failures,
            account_verification: mount.account_verification_failures,
            session: session.attempts_used,
          },
          program.attempt_limits,
        ),
      },
    };
    return reply.header('Cache-Control', 'no-store').send(body);
  });
}
