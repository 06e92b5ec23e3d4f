import * as z from 'zod';
import {
  RETRY_AFTER,
  jsonRequest,
  jsonResponse,
  pathParameter,
  type OpenApiPart,
} from '../openapi/openApiParts';
import { createSessionRequestSchema, createSessionResponseDataSchema } from './createSessionSchema';
import { CREATE_SESSION_PATH } from './createSessionRoute';
import {
  envelopeSchema,
  listSessionsDataSchema,
  listSessionsQuerySchema,
  sessionDetailSchema,
  sessionSummarySchema,
  webhookDeliveriesDataSchema,
  webhookDeliverySchema,
} from './opsSchemas';
import { UNSTORABLE_MESSAGE } from '../../http/inputGuard';

const SESSION_ID = '6f1c2a7e-3b9d-4c51-8e0a-2d4f6b8c9e10';
const envelope = (status: number, client_message: string, data: unknown, developer?: string) => ({
  status,
  client_message,
  ...(developer ? { developer_message: developer } : {}),
  data,
  time: 0.012,
});
const summary = {
  session_identifier: SESSION_ID,
  state: 'active',
  participant_unique_id1: 'participant-1',
  participant_unique_id2: 'customer-9',
  host_origin: 'https://pay.acme.example',
  language_locale_code: 'en-US',
  tracer_token: 'trc_V2hhdCBhIHRyYWNl',
  attempts_used: 0,
  created_at: '2026-11-23T12:00:00.000Z',
  updated_at: '2026-11-23T12:00:00.000Z',
};
const createRequest = {
  participant_unique_id1: 'participant-1',
  participant_unique_id2: 'customer-9',
  host_uri: 'https://pay.acme.example',
  language_locale_code: 'en-US',
  recipient_information: {
    first_name: 'Jack',
    last_name: 'Frost',
    address_line1: '123 Main St',
    city: 'Atlanta',
    state: 'GA',
    zip_code: '30313',
    email_address: 'jack@example.com',
  },
};
const created = {
  session_identifier: SESSION_ID,
  authorized_url: `https://tokenframe.example/session/${SESSION_ID}?t=1795435230000&h=8bX0c2lnbmF0dXJl`,
  authorized_url_expiration_utc: '2026-11-23T12:00:30.000Z',
  participant_unique_id1: 'participant-1',
  participant_unique_id2: 'customer-9',
};

/** Responses every signed operation can give. */
const common = {
  '401': jsonResponse(
    '13401: authentication failed (no hint of which part); 13403: host_uri not allowlisted',
    'Envelope',
    envelope(13401, 'Unauthorized', null),
  ),
  '500': jsonResponse(
    '13500: internal error; `data.request_id` identifies it in the logs',
    'InternalErrorEnvelope',
    envelope(13500, 'Internal error', { request_id: '0b9f3c1e-5d2a-4e8f-9a7b-1c3d5e7f9a0b' }),
  ),
};
const fieldErrors = (example: Record<string, string[]>) =>
  jsonResponse(
    '13400: field validation error; `data` maps each failing field to its messages',
    'FieldErrorsEnvelope',
    envelope(
      13400,
      'Field validation error - See data element for validation error details',
      example,
      'invalid_request_fields',
    ),
  );
const notFound = jsonResponse(
  '13404: no such session in this program',
  'Envelope',
  envelope(13404, 'Not found', null),
);
const query = jsonSchemaProperties(listSessionsQuerySchema);
/** A path parameter with a NUL byte or a lone surrogate (PRODUCT.md §10). */
const unstorableId = fieldErrors({ id: [UNSTORABLE_MESSAGE] });
const EVENT_ID = '3f2a1c9e-7b4d-4e6a-9c8b-5d1e2f3a4b6c';
const eventNotFound = jsonResponse(
  '13404: no such event in this program',
  'Envelope',
  envelope(13404, 'Not found', null),
);
const delivery = {
  event_id: EVENT_ID,
  session_identifier: SESSION_ID,
  topic: 'session.created',
  state: 'failed',
  attempts: 20,
  last_status: 500,
  last_error: 'HTTP 500',
  created_at: '2026-11-23T12:00:00.000Z',
  next_attempt_at: null,
  delivered_at: null,
  failed_at: '2026-11-23T21:03:00.000Z',
};

function jsonSchemaProperties(schema: z.ZodObject): Record<string, object> {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, object> };
  return json.properties;
}

const QUERY_EXAMPLES: Record<string, string | number> = {
  status: 'active',
  participant_unique_id1: 'participant-1',
  participant_unique_id2: 'customer-9',
  created_from: '2026-11-23T00:00:00Z',
  created_to: '2026-11-24T00:00:00Z',
  limit: 50,
  cursor: 'MjAyNi0xMS0yM1QxMjowMDowMC4wMDBa',
  include_summary: 'true',
};

/** The HMAC-signed Session Management and ops API (PRODUCT.md §1). */
export function sessionApiOpenApi(): OpenApiPart {
  return {
    schemas: {
      CreateSessionRequest: { schema: createSessionRequestSchema, io: 'input' },
      CreateSessionEnvelope: { schema: envelopeSchema(createSessionResponseDataSchema) },
      SessionListEnvelope: { schema: envelopeSchema(listSessionsDataSchema) },
      SessionDetailEnvelope: { schema: envelopeSchema(sessionDetailSchema) },
      SessionSummaryEnvelope: { schema: envelopeSchema(sessionSummarySchema) },
      FieldErrorsEnvelope: {
        schema: envelopeSchema(z.record(z.string(), z.array(z.string()))),
      },
      InternalErrorEnvelope: { schema: envelopeSchema(z.object({ request_id: z.string() })) },
      Envelope: { schema: envelopeSchema(z.null()) },
      WebhookDeliveriesEnvelope: { schema: envelopeSchema(webhookDeliveriesDataSchema) },
      WebhookDeliveryEnvelope: { schema: envelopeSchema(webhookDeliverySchema) },
    },
    paths: {
      [CREATE_SESSION_PATH]: {
        post: {
          operationId: 'createSession',
          tags: ['Sessions'],
          summary: 'Create a session, or replay one with its Idempotency-Key',
          description:
            'Returns an authorized_url valid for 30 s and single use. With the same Idempotency-Key and parameters within 2 hours, answers 101 with the same session and a new URL.',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: '1–250 visible ASCII characters, scoped per participant.',
              schema: { type: 'string', minLength: 1, maxLength: 250 },
              example: 'order-1234',
            },
          ],
          requestBody: jsonRequest('CreateSessionRequest', createRequest),
          responses: {
            '200': jsonResponse(
              '100: new session; 101: idempotent replay with a new authorized_url',
              'CreateSessionEnvelope',
              envelope(100, 'Success', created),
            ),
            '400': fieldErrors({
              'recipient_information.zip_code': ['must be 12345 or 12345-6789'],
            }),
            ...common,
            '409': jsonResponse(
              '13724: the session of this key is completed, canceled or terminated',
              'Envelope',
              envelope(
                13724,
                'The session of this idempotency key has ended - create a new session',
                null,
                'session_completed',
              ),
            ),
            '413': jsonResponse(
              '13400: the body is larger than 16 KiB',
              'FieldErrorsEnvelope',
              envelope(
                13400,
                'Field validation error - See data element for validation error details',
                { body: ['The request body is larger than 16 KiB.'] },
                'body_too_large',
              ),
            ),
            '422': jsonResponse(
              '13723: idempotency key reused with different parameters',
              'Envelope',
              envelope(13723, 'Idempotency key mismatch', null, 'invalid_idempotent_request'),
            ),
            '429': jsonResponse(
              '13429: this participant is rate limited; retry after Retry-After seconds',
              'Envelope',
              envelope(13429, 'Too many requests', null),
              RETRY_AFTER,
            ),
          },
        },
      },
      '/api/v1/sessions': {
        get: {
          operationId: 'listSessions',
          tags: ['Ops'],
          summary: 'List sessions, newest first, with cursor pagination',
          parameters: Object.entries(query).map(([name, schema]) => ({
            name,
            in: 'query',
            required: false,
            schema,
            example: QUERY_EXAMPLES[name],
          })),
          responses: {
            '200': jsonResponse(
              '100: a page of sessions; `summary` counts per state with include_summary=true',
              'SessionListEnvelope',
              envelope(100, 'Success', { sessions: [summary], next_cursor: null }),
            ),
            '400': fieldErrors({
              cursor: ['The cursor field is not a cursor from a previous page.'],
            }),
            ...common,
          },
        },
      },
      '/api/v1/sessions/{id}': {
        get: {
          operationId: 'getSession',
          tags: ['Ops'],
          summary: 'Inspect a session: state, attempts, masked account, event timeline',
          parameters: [pathParameter('id', 'The session_identifier', SESSION_ID)],
          responses: {
            '200': jsonResponse(
              '100: the session',
              'SessionDetailEnvelope',
              envelope(100, 'Success', {
                ...summary,
                attempts: {
                  session_used: 0,
                  session_limit: 5,
                  per_feature_per_mount: 3,
                  mounts: [],
                },
                account: null,
                events: [
                  {
                    id: '3e5a7c9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d',
                    at: '2026-11-23T12:00:00.000Z',
                    event_name: 'session.created',
                    detail: { event_name: 'session.created', state: 'active' },
                  },
                ],
              }),
            ),
            ...common,
            '400': unstorableId,
            '404': notFound,
          },
        },
      },
      '/api/v1/sessions/{id}/terminate': {
        post: {
          operationId: 'terminateSession',
          tags: ['Ops'],
          summary: 'Terminate a session (final); its live mounts stop working at once',
          parameters: [pathParameter('id', 'The session_identifier', SESSION_ID)],
          responses: {
            '200': jsonResponse(
              '100: terminated',
              'SessionSummaryEnvelope',
              envelope(100, 'Success', { ...summary, state: 'terminated' }),
            ),
            ...common,
            '400': unstorableId,
            '404': notFound,
            '409': jsonResponse(
              '13724: the session had already ended',
              'SessionSummaryEnvelope',
              envelope(
                13724,
                'The session has already ended',
                { ...summary, state: 'completed' },
                'session_completed',
              ),
            ),
          },
        },
      },
      '/api/v1/sessions/{id}/webhooks': {
        get: {
          operationId: 'listSessionWebhookDeliveries',
          tags: ['Ops'],
          summary: "A session's webhook deliveries: attempts, last status, last error, next try",
          parameters: [pathParameter('id', 'The session_identifier', SESSION_ID)],
          responses: {
            '200': jsonResponse(
              '100: the delivery log, oldest first',
              'WebhookDeliveriesEnvelope',
              envelope(100, 'Success', { deliveries: [delivery] }),
            ),
            ...common,
            '400': unstorableId,
            '404': notFound,
          },
        },
      },
      '/api/v1/webhooks/{event_id}': {
        get: {
          operationId: 'getWebhookDelivery',
          tags: ['Ops'],
          summary: 'One webhook delivery by its event id (`metadata.id`)',
          parameters: [pathParameter('event_id', 'The event id (metadata.id)', EVENT_ID)],
          responses: {
            '200': jsonResponse(
              '100: the delivery',
              'WebhookDeliveryEnvelope',
              envelope(100, 'Success', delivery),
            ),
            ...common,
            '400': unstorableId,
            '404': eventNotFound,
          },
        },
      },
      '/api/v1/webhooks/{event_id}/resend': {
        post: {
          operationId: 'resendWebhookDelivery',
          tags: ['Ops'],
          summary: 'Send a failed or delivered event again soon, with a fresh attempt budget',
          parameters: [pathParameter('event_id', 'The event id (metadata.id)', EVENT_ID)],
          responses: {
            '200': jsonResponse(
              '100: queued again (state pending, attempts 0)',
              'WebhookDeliveryEnvelope',
              envelope(100, 'Success', {
                ...delivery,
                state: 'pending',
                attempts: 0,
                next_attempt_at: '2026-11-23T13:00:00.000Z',
                failed_at: null,
              }),
            ),
            ...common,
            '400': unstorableId,
            '404': eventNotFound,
          },
        },
      },
    },
  };
}
