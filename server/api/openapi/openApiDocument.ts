import { WEBHOOK_TOPICS } from '../../../protocol/webhooks';
import { sessionApiOpenApi } from '../sessionApi/openApiPaths';
import { widgetApiOpenApi } from '../widgetApi/openApiPaths';
import {
  ALLOW_HEADER,
  methodNotAllowedResponses,
  methodNotAllowedSchemas,
  withOtherMethods,
  WRONG_METHOD_RULE,
} from './methodNotAllowed';
import { jsonSchema, type NamedSchema } from './openApiParts';
import { servicePathsOpenApi } from './servicePaths';
import { webhookExample } from './webhookExamples';
import { webhookSchemas, webhooksSection } from './webhooksSection';

/** How to sign a Session API request (PRODUCT.md §1), precise enough to implement. */
const HMAC_SCHEME = `Every \`/api/v1\` request is signed with HMAC-SHA512 under the program's secret.

Send these headers:

- \`X-Date\`: the RFC 7231 date, e.g. \`Mon, 23 Nov 2026 12:00:00 GMT\`; rejected when more than 300 s from the server's clock.
- \`Content-Type: application/json\` (requests with a body).
- \`Content-SHA512\`: base64 of the raw SHA-512 digest of the exact body bytes (of the empty string when there is no body).
- \`Content-Length\`: the body's length in bytes (\`0\` without a body).
- \`Authorization: hmac username="<username>", algorithm="hmac-sha512", headers="request-line x-date content-type content-sha512 content-length", signature="<base64>"\`.

The signing string has one line per name in \`headers\`, in that order, joined by \`\\n\` with no trailing newline. \`request-line\` gives \`<METHOD> <path and query> HTTP/1.1\`, e.g. \`POST /api/v1/sessions/point-in-time/plugin HTTP/1.1\`; every other name gives \`<lowercase-name>: <value>\`. \`signature\` is base64(HMAC-SHA512(secret, signing string)); the server compares in constant time. Any failure answers HTTP 401, status 13401, without saying which part failed.`;

const WEBHOOK_SCHEME = `Each webhook carries \`Tokenframe-Signature: t=<unix seconds>,v1=<hex>\` where v1 = hex(HMAC-SHA256(webhook secret, t + "." + raw body)). During a secret rotation the header carries one \`v1\` per secret; accept the event when any \`v1\` matches, compare in constant time, and refuse a \`t\` more than 300 s from your clock.`;

/**
 * The OpenAPI 3.1 document (PRODUCT.md §1), generated from the route definitions' parts and
 * the zod schemas that validate requests and webhook payloads, so it cannot drift from them
 * unnoticed (the drift check in testing/openApiConformance.ts validates real responses).
 */
export function buildOpenApiDocument(serverUrl: string): Record<string, unknown> {
  const parts = [sessionApiOpenApi(), widgetApiOpenApi(), servicePathsOpenApi()];
  const named: Record<string, NamedSchema> = {
    ...Object.assign({}, ...parts.map((p) => p.schemas)),
    ...webhookSchemas(),
    ...methodNotAllowedSchemas(),
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tokenframe',
      version: '1.0.0',
      summary: 'Embedded account capture: Session Management API, widget API and webhooks',
      description: `${HMAC_SCHEME}\n\n${WRONG_METHOD_RULE}\n\n${WEBHOOK_SCHEME}`,
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: serverUrl, description: 'This service' }],
    tags: [
      { name: 'Sessions', description: 'Create sessions and their authorized_url (PRODUCT.md §1)' },
      { name: 'Ops', description: 'List, inspect and terminate sessions (PRODUCT.md §1)' },
      { name: 'Widget', description: 'Called by the widget inside the iframe, not by merchants' },
      { name: 'SDK', description: 'The host SDK files for merchant pages (PRODUCT.md §3)' },
      { name: 'Service', description: 'Operating the service (PRODUCT.md §10)' },
      { name: 'Webhooks', description: 'Events sent to the program webhook URL (PRODUCT.md §7)' },
    ],
    security: [{ hmac: [] }],
    paths: withOtherMethods(Object.assign({}, ...parts.map((p) => p.paths))),
    webhooks: webhooksSection(
      Object.fromEntries(WEBHOOK_TOPICS.map((t) => [t, webhookExample(t)])) as never,
    ),
    components: {
      schemas: Object.fromEntries(
        Object.entries(named).map(([name, { schema, io }]) => [name, jsonSchema(schema, io)]),
      ),
      responses: methodNotAllowedResponses(),
      headers: {
        Allow: ALLOW_HEADER,
        'X-Request-Id': {
          description: 'Identifies the request in the service logs (and in a 13500 body).',
          schema: { type: 'string' },
          example: '0b9f3c1e-5d2a-4e8f-9a7b-1c3d5e7f9a0b',
        },
        'Retry-After': {
          description: 'Seconds to wait before the bucket has a token again.',
          schema: { type: 'integer', minimum: 1 },
          example: 2,
        },
      },
      securitySchemes: {
        hmac: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: HMAC_SCHEME,
        },
        widgetBearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The access_token the exchange returned, held in memory by the widget.',
        },
        webhookSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'Tokenframe-Signature',
          description: WEBHOOK_SCHEME,
        },
      },
    },
  };
}
