import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as zm from 'zod/mini';
import { WIDGET_API_BASE, changeDestinationRequestSchema } from '../../../protocol/widgetApi';
import { accountSubmissionSchema } from '../../../protocol/accountSubmission';
import type { ServiceContext } from '../../context';
import { authenticateWidget } from '../../domain/sessions/widgetAuth';
import { findProgram } from '../../config';
import { searchBillers } from '../../domain/sandbox/billerDirectory';
import { deriveVaultKeys } from '../../domain/vault/vaultKeys';
import { submitAccount } from './submitAccount';
import { cancelSession, changeDestination, confirmAccount } from './sessionActions';
import { parseOrFail } from './requestValidation';
import { WidgetApiFailure } from './widgetApiError';
import type { FlowContext } from './flowContext';
import { countWidgetCall } from '../../domain/abuse/widgetCallLimits';
import { RateLimited } from '../../http/rateLimit';

/** /confirm and /cancel take `{}` (or no body at all). */
const emptyBodySchema = zm.optional(zm.strictObject({}));
const billerQuerySchema = zm.strictObject({ q: zm.optional(zm.string().check(zm.maxLength(100))) });

/** Accounts are small; anything bigger is not a widget talking to us. */
const BODY_LIMIT_BYTES = 16 * 1024;

type Authenticated = { sessionId: string; mountId: string; program: string };

/**
 * The widget API's bearer-token routes (protocol/widgetApi.ts): POST /account, /confirm,
 * /cancel, /destination and GET /billers, each behind the mount's bearer token. Registered
 * by {@link widgetApiPlugin}, whose error handler answers what they throw.
 */
export async function widgetApiRoutes(
  app: FastifyInstance,
  options: ServiceContext,
): Promise<void> {
  const clock = options.clock;
  const vaultKeys = deriveVaultKeys(options.config.vaultKey);
  const authenticated = new WeakMap<FastifyRequest, Authenticated>();

  const context = (): FlowContext => ({
    store: options.store,
    config: options.config,
    vaultKeys,
    now: clock(),
  });
  const auth = (request: FastifyRequest): Authenticated => {
    const found = authenticated.get(request);
    if (!found) throw new WidgetApiFailure('unauthorized');
    return found;
  };
  const ids = (request: FastifyRequest) => {
    const { sessionId, mountId } = auth(request);
    return { sessionId, mountId };
  };

  const authenticate = async (request: FastifyRequest) => {
    const found = await authenticateWidget(options.store, request.headers.authorization, clock());
    if (!found) throw new WidgetApiFailure('unauthorized');
    authenticated.set(request, {
      sessionId: found.session.id,
      mountId: found.mount.id,
      program: found.session.program,
    });
  };
  const route = { preHandler: authenticate, bodyLimit: BODY_LIMIT_BYTES };
  // Card-testing defence (PRODUCT.md §10): /account and /confirm are counted per mount,
  // session and client IP in the store, after authentication so strangers count nothing.
  const limitCalls = async (request: FastifyRequest) => {
    const { sessionId, mountId, program } = auth(request);
    const limits = findProgram(options.config, program)?.widget_call_limits;
    if (!limits) return;
    const verdict = await countWidgetCall(
      options.store,
      limits,
      { mountId, sessionId, clientIp: request.ip },
      clock(),
    );
    if (!verdict.ok) throw new RateLimited(verdict.retryAfterSeconds);
  };
  const countedRoute = { preHandler: [authenticate, limitCalls], bodyLimit: BODY_LIMIT_BYTES };
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.post(`${WIDGET_API_BASE}/account`, countedRoute, async (request, reply) => {
    const submission = parseOrFail(accountSubmissionSchema, request.body);
    return noStore(reply).send(await submitAccount(context(), ids(request), submission));
  });

  app.post(`${WIDGET_API_BASE}/confirm`, countedRoute, async (request, reply) => {
    parseOrFail(emptyBodySchema, request.body);
    return noStore(reply).send(await confirmAccount(context(), ids(request)));
  });

  app.post(`${WIDGET_API_BASE}/cancel`, route, async (request, reply) => {
    parseOrFail(emptyBodySchema, request.body);
    return noStore(reply).send(await cancelSession(context(), ids(request)));
  });

  app.post(`${WIDGET_API_BASE}/destination`, route, async (request, reply) => {
    const body = parseOrFail(changeDestinationRequestSchema, request.body);
    return noStore(reply).send(
      await changeDestination(context(), ids(request), body.funding_destination),
    );
  });

  app.get(`${WIDGET_API_BASE}/billers`, { preHandler: authenticate }, async (request, reply) => {
    const query = parseOrFail(billerQuerySchema, request.query);
    const program = findProgram(options.config, auth(request).program);
    if (!program?.funding_destinations.includes('billpay'))
      throw new WidgetApiFailure('not_enabled');
    // The directory is public and static: the browser may cache a search briefly.
    return reply.header('cache-control', 'private, max-age=300').send(searchBillers(query.q ?? ''));
  });
}
