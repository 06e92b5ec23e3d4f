import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../context';
import { RateLimited, rateLimitHook } from '../../http/rateLimit';
import { bucketKey, takeSharedToken } from '../../http/sharedTokenBuckets';
import { API_STATUS, sendEnvelope, SessionApiFailure } from './envelope';
import { createSession } from '../../domain/sessions/createSession';
import {
  createSessionRequestSchema,
  fieldErrors,
  idempotencyKeySchema,
} from './createSessionSchema';
import { isAllowedHost, normalizeParams, programFieldErrors } from './normalizeParams';
import { rawBodyOf } from './rawBody';
import {
  findUnstorableStringInJson,
  parseUntrustedJson,
  UNSTORABLE_MESSAGE,
} from '../../http/inputGuard';

/** Route path of session creation (PRODUCT.md §1). */
export const CREATE_SESSION_PATH = '/api/v1/sessions/point-in-time/plugin';

/** The optional `Idempotency-Key` header; built once, not per request. */
const optionalIdempotencyKey = idempotencyKeySchema.optional();

/** The JSON body of a create request, read after authentication. */
const jsonBodies = new WeakMap<FastifyRequest, unknown>();

/** Reads the body as JSON (it must be declared `application/json`), or refuses with 13400. */
async function readJsonBody(request: FastifyRequest): Promise<void> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? ''))
    throw new SessionApiFailure(
      API_STATUS.INVALID_FIELDS,
      { body: ['The Content-Type must be application/json.'] },
      { developer_message: 'invalid_content_type' },
    );
  const text = rawBodyOf(request).toString('utf8');
  let json: unknown;
  try {
    json = parseUntrustedJson(text);
  } catch {
    throw new SessionApiFailure(
      API_STATUS.INVALID_FIELDS,
      { body: ['The request body is not valid JSON.'] },
      { developer_message: 'malformed_json' },
    );
  }
  const unstorable = findUnstorableStringInJson(text, json, 'body');
  if (unstorable !== null)
    throw new SessionApiFailure(
      API_STATUS.INVALID_FIELDS,
      { [unstorable]: [UNSTORABLE_MESSAGE] },
      { developer_message: 'invalid_request_fields' },
    );
  jsonBodies.set(request, json);
}

/** PRODUCT.md §8: one bucket per participant of a program, sized by the program. */
function participantBucket(request: FastifyRequest) {
  const json = jsonBodies.get(request) as Record<string, unknown> | null;
  const participant =
    json && typeof json === 'object' && typeof json.participant_unique_id1 === 'string'
      ? json.participant_unique_id1
      : '';
  return {
    key: `${request.program!.username}\u0000${participant}`,
    limit: request.program!.rate_limit,
  };
}

/** The participant's bucket as the create's own statement takes from it. */
function sharedTake(request: FastifyRequest) {
  const { key, limit } = participantBucket(request);
  return { key: bucketKey(key), limit };
}

/** `POST /api/v1/sessions/point-in-time/plugin`; authentication already ran in the plugin's hook. */
export async function createSessionRoute(
  app: FastifyInstance,
  context: ServiceContext,
): Promise<void> {
  // On PostgreSQL the participant's bucket is shared (PRODUCT.md §10) and a valid create takes
  // its token in its own statement (one commit instead of two); a refused one takes it here.
  // Either way every request takes one token before anything else answers it, as the
  // embedded store's in-memory hook does.
  const shared = context.store.engine === 'postgres';
  const preHandler = shared
    ? [readJsonBody]
    : [readJsonBody, rateLimitHook(context.clock, participantBucket, context.store)];
  const takeBeforeRefusal = async (request: FastifyRequest) => {
    if (!shared) return;
    const { key, limit } = participantBucket(request);
    const taken = await takeSharedToken(context.store, key, limit, context.clock());
    if (!taken.ok) throw new RateLimited(taken.retryAfterSeconds);
  };
  app.post(CREATE_SESSION_PATH, { preHandler }, async (request, reply) => {
    const program = request.program!;
    const json = jsonBodies.get(request);
    const parsed = createSessionRequestSchema.safeParse(json, { reportInput: true });
    const keyHeader = request.headers['idempotency-key'];
    const key = optionalIdempotencyKey.safeParse(
      Array.isArray(keyHeader) ? keyHeader.join(',') : keyHeader,
    );
    const errors = {
      ...(parsed.success
        ? programFieldErrors(parsed.data, program)
        : fieldErrors(parsed.error.issues)),
      ...(key.success
        ? {}
        : {
            'Idempotency-Key': [
              'The Idempotency-Key header must be 1–250 visible ASCII characters.',
            ],
          }),
    };
    if (!parsed.success || Object.keys(errors).length > 0) {
      await takeBeforeRefusal(request);
      return sendEnvelope(request, reply, API_STATUS.INVALID_FIELDS, errors, {
        developer_message: 'invalid_request_fields',
      });
    }

    const params = normalizeParams(parsed.data, program);
    if (!isAllowedHost(program, params.host_origin)) {
      await takeBeforeRefusal(request);
      return sendEnvelope(request, reply, API_STATUS.HOST_NOT_ALLOWED, null, {
        developer_message: 'host_not_allowed',
      });
    }

    const result = await createSession(context.store, {
      program: program.username,
      params,
      idempotencyKey: key.data,
      now: context.clock(),
      publicUrl: context.config.publicUrl,
      urlSecret: context.config.urlSecret,
      ...(shared && { take: sharedTake(request) }),
    });
    if (result.kind === 'rate_limited') throw new RateLimited(result.retryAfterSeconds);
    if (result.kind === 'key_mismatch')
      return sendEnvelope(request, reply, API_STATUS.KEY_MISMATCH, null, {
        client_message: `Idempotency Key ${key.data} for ParticipantId ${params.participant_unique_id1} does not match the original request`,
        developer_message: 'invalid_idempotent_request',
      });
    if (result.kind === 'session_final')
      return sendEnvelope(request, reply, API_STATUS.SESSION_FINAL, null, {
        developer_message: `session_${result.session.state}`,
      });
    return sendEnvelope(
      request,
      reply,
      result.kind === 'created' ? API_STATUS.CREATED : API_STATUS.IDEMPOTENT,
      {
        session_identifier: result.session.id,
        authorized_url: result.authorizedUrl,
        authorized_url_expiration_utc: new Date(result.expiresMs).toISOString(),
        participant_unique_id1: result.session.participant_unique_id1,
        participant_unique_id2: result.session.participant_unique_id2 ?? '',
      },
    );
  });
}
