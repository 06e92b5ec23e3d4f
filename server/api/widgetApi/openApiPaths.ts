import * as z from 'zod';
import {
  accountOutcomeSchema,
  accountSubmissionSchema,
  billerSchema,
  cancelResponseSchema,
  changeDestinationRequestSchema,
  confirmResponseSchema,
  widgetApiErrorSchema,
} from '../../../protocol/widgetApi';

const json = (schema: z.core.$ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
const body = (schema: z.core.$ZodType, description = 'OK') => ({
  description,
  content: { 'application/json': { schema: json(schema) } },
});
const bearer = [{ widgetBearer: [] }];
const errors = {
  '400': body(widgetApiErrorSchema, 'invalid_request'),
  '401': body(widgetApiErrorSchema, 'unauthorized: missing, unknown or expired bearer token'),
  '409': body(widgetApiErrorSchema, 'wrong_state'),
  '410': body(widgetApiErrorSchema, 'session_final'),
  '429': body(
    widgetApiErrorSchema,
    'rate_limited: the mount, session or client IP is past its call limit; see Retry-After',
  ),
};

/**
 * The widget API's routes (served by the widget-API plugin), described from the shared
 * protocol schemas so /openapi.json covers every endpoint of the service.
 */
export function widgetApiPaths(): Record<string, unknown> {
  return {
    '/api/widget/v1/account': {
      post: {
        summary: 'Widget only: submit the account the recipient typed (verification runs here)',
        security: bearer,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: json(accountSubmissionSchema, 'input') } },
        },
        responses: { '200': body(accountOutcomeSchema), ...errors },
      },
    },
    '/api/widget/v1/confirm': {
      post: {
        summary: 'Widget only: tokenize the verified account',
        security: bearer,
        responses: { '200': body(confirmResponseSchema), ...errors },
      },
    },
    '/api/widget/v1/cancel': {
      post: {
        summary: 'Widget only: the recipient canceled',
        security: bearer,
        responses: { '200': body(cancelResponseSchema), ...errors },
      },
    },
    '/api/widget/v1/destination': {
      post: {
        summary: 'Widget only: switch to another funding destination',
        security: bearer,
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: json(changeDestinationRequestSchema, 'input') },
          },
        },
        responses: { '200': { description: 'switched' }, ...errors },
      },
    },
    '/api/widget/v1/billers': {
      get: {
        summary: 'Widget only: search the biller directory (up to 20)',
        security: bearer,
        parameters: [
          { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 100 } },
        ],
        responses: { '200': body(z.array(billerSchema)), ...errors },
      },
    },
    '/session/{id}': {
      get: {
        summary: 'The widget document for an authorized_url (`?t=…&h=…`)',
        security: [],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'HTML', content: { 'text/html': {} } } },
      },
    },
    '/sdk/tokenframe.js': {
      get: {
        summary: 'Host SDK (IIFE, global Tokenframe), latest build; cached 5 min; CORS *',
        security: [],
        responses: { '200': { description: 'JavaScript' } },
      },
    },
    '/sdk/tokenframe.mjs': {
      get: {
        summary: 'Host SDK (ES module), latest build; cached 5 min; CORS *',
        security: [],
        responses: { '200': { description: 'JavaScript' } },
      },
    },
    '/sdk/{version}/tokenframe.js': {
      get: {
        summary: 'Host SDK (IIFE) of one build, by content hash; cached immutably; CORS *',
        security: [],
        parameters: [{ name: 'version', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'JavaScript' },
          '404': { description: 'Not the current build' },
        },
      },
    },
    '/sdk/{version}/tokenframe.mjs': {
      get: {
        summary: 'Host SDK (ES module) of one build, by content hash; cached immutably; CORS *',
        security: [],
        parameters: [{ name: 'version', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'JavaScript' },
          '404': { description: 'Not the current build' },
        },
      },
    },
    '/sdk/integrity.json': {
      get: {
        summary: 'Versioned URL and SRI hash of each SDK file',
        security: [],
        responses: {
          '200': body(z.record(z.string(), z.object({ url: z.string(), integrity: z.string() }))),
        },
      },
    },
  };
}
