import * as z from 'zod';
import {
  exchangeRequestSchema,
  exchangeResponseSchema,
  widgetApiErrorSchema,
} from '../../../protocol/widgetApi';
import {
  createSessionRequestSchema,
  createSessionResponseDataSchema,
} from '../sessionApi/createSessionSchema';
import { CREATE_SESSION_PATH } from '../sessionApi/createSessionRoute';
import { widgetApiPaths } from '../widgetApi/openApiPaths';
import {
  envelopeSchema,
  listSessionsDataSchema,
  listSessionsQuerySchema,
  sessionDetailSchema,
  sessionSummarySchema,
  webhookDeliveriesDataSchema,
  webhookDeliverySchema,
} from '../sessionApi/opsSchemas';

const json = (schema: z.core.$ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

const envelopeResponse = (description: string, data: z.ZodType = z.null()) => ({
  description,
  content: { 'application/json': { schema: json(envelopeSchema(data)) } },
});

const errorResponses = {
  '400': envelopeResponse(
    '13400: field validation error (`data` maps dotted field paths to messages)',
    z.record(z.string(), z.array(z.string())),
  ),
  '401': envelopeResponse('13401: authentication failed; 13403: host_uri not allowlisted'),
  '429': envelopeResponse('13429: rate limited; see Retry-After'),
  '500': envelopeResponse(
    '13500: internal error; `data.request_id` identifies it in the logs',
    z.object({ request_id: z.string() }),
  ),
};

/**
 * The OpenAPI document, generated from the same zod schemas that validate requests, so the
 * description cannot drift from the behaviour.
 */
export function buildOpenApiDocument(serverUrl: string): Record<string, unknown> {
  const query = json(listSessionsQuerySchema, 'input') as { properties: Record<string, unknown> };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Tokenframe Session Management API',
      version: '1.0.0',
      description:
        'Server-to-server API. Every /api/v1 request is signed with HMAC-SHA512 (see PRODUCT.md §1): ' +
        'Authorization: hmac username="…", algorithm="hmac-sha512", headers="request-line x-date content-type content-sha512 content-length", signature="…".',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        hmac: { type: 'apiKey', in: 'header', name: 'Authorization' },
        widgetBearer: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ hmac: [] }],
    paths: {
      [CREATE_SESSION_PATH]: {
        post: {
          summary: 'Create a session (or replay one with Idempotency-Key)',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 250 },
            },
            { name: 'X-Date', in: 'header', required: true, schema: { type: 'string' } },
            { name: 'Content-SHA512', in: 'header', required: true, schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(createSessionRequestSchema, 'input') } },
          },
          responses: {
            '200': envelopeResponse(
              '100: new session; 101: idempotent replay with a new authorized_url',
              createSessionResponseDataSchema,
            ),
            ...errorResponses,
            '409': envelopeResponse('13724: the session of this key has ended; create a new one'),
            '413': envelopeResponse('13400: body larger than 16 KiB'),
            '422': envelopeResponse('13723: idempotency key reused with different parameters'),
          },
        },
      },
      '/api/v1/sessions': {
        get: {
          summary: 'List sessions (newest first, cursor pagination)',
          parameters: Object.entries(query.properties).map(([name, schema]) => ({
            name,
            in: 'query',
            required: false,
            schema,
          })),
          responses: {
            '200': envelopeResponse('100: a page of sessions', listSessionsDataSchema),
            ...errorResponses,
          },
        },
      },
      '/api/v1/sessions/{id}': {
        get: {
          summary: 'Inspect a session: state, attempts, masked account, event timeline',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': envelopeResponse('100: the session', sessionDetailSchema),
            '404': envelopeResponse('13404: no such session in this program'),
            ...errorResponses,
          },
        },
      },
      '/api/v1/sessions/{id}/terminate': {
        post: {
          summary: 'Terminate a session (final)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': envelopeResponse('100: terminated', sessionSummarySchema),
            '404': envelopeResponse('13404: no such session in this program'),
            '409': envelopeResponse('13724: the session had already ended', sessionSummarySchema),
            ...errorResponses,
          },
        },
      },
      '/api/v1/sessions/{id}/webhooks': {
        get: {
          summary: "A session's webhook deliveries: attempts, last status, last error, next try",
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': envelopeResponse('100: the delivery log', webhookDeliveriesDataSchema),
            '404': envelopeResponse('13404: no such session in this program'),
            ...errorResponses,
          },
        },
      },
      '/api/v1/webhooks/{event_id}': {
        get: {
          summary: 'One webhook delivery by its event id (`metadata.id`)',
          parameters: [
            { name: 'event_id', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            '200': envelopeResponse('100: the delivery', webhookDeliverySchema),
            '404': envelopeResponse('13404: no such event in this program'),
            ...errorResponses,
          },
        },
      },
      '/api/v1/webhooks/{event_id}/resend': {
        post: {
          summary: 'Send a failed or delivered event again, with a fresh attempt budget',
          parameters: [
            { name: 'event_id', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            '200': envelopeResponse('100: queued (state pending)', webhookDeliverySchema),
            '404': envelopeResponse('13404: no such event in this program'),
            ...errorResponses,
          },
        },
      },
      '/api/widget/v1/exchange': {
        post: {
          summary: 'Widget only: trade an authorized_url for a bearer token (single use)',
          security: [],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(exchangeRequestSchema, 'input') } },
          },
          responses: {
            '200': {
              description: 'mounted',
              content: { 'application/json': { schema: json(exchangeResponseSchema) } },
            },
            '400': {
              description: 'invalid_request: the body is not an exchange request',
              content: { 'application/json': { schema: json(widgetApiErrorSchema) } },
            },
            '401': {
              description: 'invalid, expired or used URL',
              content: { 'application/json': { schema: json(widgetApiErrorSchema) } },
            },
            '410': {
              description: 'the session has ended',
              content: { 'application/json': { schema: json(widgetApiErrorSchema) } },
            },
            '429': {
              description: 'rate_limited per client IP; see Retry-After',
              content: { 'application/json': { schema: json(widgetApiErrorSchema) } },
            },
          },
        },
      },
      ...widgetApiPaths(),
    },
  };
}
