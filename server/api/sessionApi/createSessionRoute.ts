import type { FastifyInstance } from 'fastify';
import { API_STATUS, sendEnvelope } from './envelope';
import { createSession } from '../../domain/sessions/createSession';
import {
  createSessionRequestSchema,
  fieldErrors,
  idempotencyKeySchema,
} from './createSessionSchema';
import type { SessionApiContext } from './context';
import { isAllowedHost, normalizeParams, programFieldErrors } from './normalizeParams';
import { rawBodyOf } from './plugin';

/** Route path of session creation (PRODUCT.md §1). */
export const CREATE_SESSION_PATH = '/api/v1/sessions/point-in-time/plugin';

/** `POST /api/v1/sessions/point-in-time/plugin`; authentication already ran in the plugin's hook. */
export async function createSessionRoute(
  app: FastifyInstance,
  context: SessionApiContext,
): Promise<void> {
  app.post(CREATE_SESSION_PATH, async (request, reply) => {
    const program = request.program!;
    if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? ''))
      return sendEnvelope(
        request,
        reply,
        API_STATUS.INVALID_FIELDS,
        { body: ['The Content-Type must be application/json.'] },
        { developer_message: 'invalid_content_type' },
      );
    let json: unknown;
    try {
      json = JSON.parse(rawBodyOf(request).toString('utf8'));
    } catch {
      return sendEnvelope(
        request,
        reply,
        API_STATUS.INVALID_FIELDS,
        { body: ['The request body is not valid JSON.'] },
        { developer_message: 'malformed_json' },
      );
    }

    const participant =
      json &&
      typeof json === 'object' &&
      typeof (json as Record<string, unknown>).participant_unique_id1 === 'string'
        ? ((json as Record<string, unknown>).participant_unique_id1 as string)
        : '';
    const taken = context.rateLimits.take(
      `${program.username}\u0000${participant}`,
      program.rate_limit,
      context.clock(),
    );
    if (!taken.ok) {
      reply.header('Retry-After', String(taken.retryAfterSeconds));
      return sendEnvelope(request, reply, API_STATUS.RATE_LIMITED);
    }

    const parsed = createSessionRequestSchema.safeParse(json, { reportInput: true });
    const keyHeader = request.headers['idempotency-key'];
    const key = idempotencyKeySchema
      .optional()
      .safeParse(Array.isArray(keyHeader) ? keyHeader.join(',') : keyHeader);
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
    if (!parsed.success || Object.keys(errors).length > 0)
      return sendEnvelope(request, reply, API_STATUS.INVALID_FIELDS, errors, {
        developer_message: 'invalid_request_fields',
      });

    const params = normalizeParams(parsed.data, program);
    if (!isAllowedHost(program, params.host_origin))
      return sendEnvelope(request, reply, API_STATUS.HOST_NOT_ALLOWED, null, {
        developer_message: 'host_not_allowed',
      });

    const result = await createSession(context.store, {
      program: program.username,
      params,
      idempotencyKey: key.data,
      now: context.clock(),
      publicUrl: context.config.publicUrl,
      urlSecret: context.config.urlSecret,
    });
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
