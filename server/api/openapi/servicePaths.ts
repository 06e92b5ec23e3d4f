import * as z from 'zod';
import { fileResponse, jsonResponse, pathParameter, type OpenApiPart } from './openApiParts';

const SESSION_ID = '6f1c2a7e-3b9d-4c51-8e0a-2d4f6b8c9e10';
const notFound = (description: string) =>
  jsonResponse(description, 'NotFound', { error: 'not_found', message: description });
const sdkFile = (operationId: string, path: string, summary: string, versioned: boolean) => ({
  [path]: {
    get: {
      operationId,
      tags: ['SDK'],
      summary,
      security: [],
      ...(versioned
        ? {
            parameters: [pathParameter('version', 'Content hash of the build', '3f9a1c2b4d5e6f70')],
          }
        : {}),
      responses: {
        '200': fileResponse('The SDK (CORS `*`)', 'text/javascript', 'window.Tokenframe={…}'),
        '304': { description: 'Not modified (If-None-Match matched the ETag)' },
        '404': notFound(versioned ? 'Not the current build' : 'SDK not built'),
      },
    },
  },
});

/** One readiness check: `detail` says what is wrong. */
const check = z.object({ ok: z.boolean(), detail: z.string().optional() });

/** The widget document, the SDK files and the service's own endpoints. */
export function servicePathsOpenApi(): OpenApiPart {
  return {
    schemas: {
      NotFound: {
        schema: z.object({ error: z.literal('not_found'), message: z.string().optional() }),
      },
      SdkIntegrity: {
        schema: z.record(z.string(), z.object({ url: z.string(), integrity: z.string() })),
      },
      Health: { schema: z.object({ ok: z.literal(true) }) },
      InternalError: {
        schema: z.object({ error: z.literal('internal'), request_id: z.string() }),
      },
      InvalidRequest: {
        schema: z.object({ error: z.literal('invalid_request'), field: z.string() }),
      },
      Readiness: {
        schema: z.object({
          ok: z.boolean(),
          checks: z.object({ store: check, migrations: check, assets: check }),
        }),
      },
      Version: {
        schema: z.object({
          version: z.string(),
          commit: z.string().nullable(),
          built_at: z.string().nullable(),
          node: z.string(),
          engine: z.enum(['pglite', 'postgres']),
        }),
      },
    },
    paths: {
      '/session/{id}': {
        get: {
          operationId: 'getWidgetDocument',
          tags: ['Widget'],
          summary: 'The widget document an authorized_url opens (`?t=…&h=…`)',
          security: [],
          parameters: [
            pathParameter('id', 'The session_identifier', SESSION_ID),
            {
              name: 't',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              example: '1795435230000',
            },
            {
              name: 'h',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              example: '8bX0c2lnbmF0dXJl',
            },
          ],
          responses: {
            '200': fileResponse(
              'HTML, framable only by the session host origin (CSP frame-ancestors)',
              'text/html',
              '<!doctype html>…',
            ),
            '400': jsonResponse(
              'invalid_request: the id or a query value has a NUL byte or a lone surrogate',
              'InvalidRequest',
              { error: 'invalid_request', field: 'id' },
            ),
            '500': jsonResponse(
              'internal: the store failed; `request_id` identifies it in the logs',
              'InternalError',
              { error: 'internal', request_id: '0b9f3c1e-5d2a-4e8f-9a7b-1c3d5e7f9a0b' },
            ),
            '503': fileResponse('The widget is not built', 'text/html', '<!doctype html>…'),
          },
        },
      },
      ...sdkFile(
        'getSdkScript',
        '/sdk/tokenframe.js',
        'Host SDK (IIFE), latest build, cached 5 min',
        false,
      ),
      ...sdkFile(
        'getSdkModule',
        '/sdk/tokenframe.mjs',
        'Host SDK (ES module), latest build, cached 5 min',
        false,
      ),
      ...sdkFile(
        'getSdkScriptVersion',
        '/sdk/{version}/tokenframe.js',
        'Host SDK (IIFE) of one build, cached immutably',
        true,
      ),
      ...sdkFile(
        'getSdkModuleVersion',
        '/sdk/{version}/tokenframe.mjs',
        'Host SDK (ES module) of one build, cached immutably',
        true,
      ),
      '/widget/assets/{file}': {
        get: {
          operationId: 'getWidgetAsset',
          tags: ['Widget'],
          summary: 'A script or stylesheet of the widget build, named by its content hash',
          security: [],
          parameters: [pathParameter('file', 'File name of the build', 'widget-DottWTar.js')],
          responses: {
            '200': fileResponse(
              'The file (brotli or gzip per `Accept-Encoding`), cached immutably',
              'application/javascript',
              'var e,t,n…',
            ),
            '304': { description: 'Not modified (If-None-Match matched the ETag)' },
            '400': jsonResponse(
              'invalid_request: the file name has a NUL byte or a lone surrogate',
              'InvalidRequest',
              { error: 'invalid_request', field: 'file' },
            ),
            '404': notFound('No such file in the build'),
          },
        },
      },
      '/sdk/integrity.json': {
        get: {
          operationId: 'getSdkIntegrity',
          tags: ['SDK'],
          summary: 'Absolute versioned URL and SRI hash of each SDK file',
          security: [],
          responses: {
            '200': jsonResponse('One entry per SDK file', 'SdkIntegrity', {
              'tokenframe.js': {
                url: 'https://tokenframe.example/sdk/3f9a1c2b4d5e6f70/tokenframe.js',
                integrity:
                  'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC',
              },
            }),
          },
        },
      },
      '/healthz': {
        get: {
          operationId: 'getHealth',
          tags: ['Service'],
          summary: 'Liveness',
          security: [],
          responses: { '200': jsonResponse('Alive', 'Health', { ok: true }) },
        },
      },
      '/readyz': {
        get: {
          operationId: 'getReadiness',
          tags: ['Service'],
          summary: 'Readiness: store reachable, migrations current, SDK and widget built',
          security: [],
          responses: {
            '200': jsonResponse('Ready', 'Readiness', {
              ok: true,
              checks: { store: { ok: true }, migrations: { ok: true }, assets: { ok: true } },
            }),
            '503': jsonResponse('Not ready; each failing check says why', 'Readiness', {
              ok: false,
              checks: {
                store: { ok: true },
                migrations: { ok: false, detail: 'pending: 006_session_state_counts.sql' },
                assets: { ok: true },
              },
            }),
          },
        },
      },
      '/version': {
        get: {
          operationId: 'getVersion',
          tags: ['Service'],
          summary: 'The running build',
          security: [],
          responses: {
            '200': jsonResponse('Version, commit and build time', 'Version', {
              version: '0.1.0',
              commit: '3cfb8c6f966f1f3e9fc42a475fbe629303cb40a0',
              built_at: '2026-11-27T08:00:58.448Z',
              node: 'v20.19.0',
              engine: 'postgres',
            }),
          },
        },
      },
      '/metrics': {
        get: {
          operationId: 'getMetrics',
          tags: ['Service'],
          summary: 'Prometheus metrics (keep on an internal network)',
          security: [],
          responses: {
            '200': fileResponse(
              'Prometheus text format 0.0.4',
              'text/plain',
              'tokenframe_http_requests_total{method="GET",route="/healthz",status="200"} 1',
            ),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          tags: ['Service'],
          summary: 'This document',
          security: [],
          responses: {
            '200': {
              description: 'OpenAPI 3.1',
              headers: { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } },
              content: {
                'application/json': { schema: { type: 'object' }, example: { openapi: '3.1.0' } },
              },
            },
          },
        },
      },
    },
  };
}
