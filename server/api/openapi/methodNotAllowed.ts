import * as z from 'zod';
import type { NamedSchema } from './openApiParts';

/**
 * The path-item extension naming the answer to a method the path does not list. OpenAPI
 * describes operations, and a method a path does not serve is no operation: listing 405
 * under the operations that do exist would claim they can refuse their own method. So each
 * path names its 405 once, as a reusable response, and readers find the rule in the
 * document's description.
 */
export const OTHER_METHODS = 'x-other-methods';

/** The prefix of the HMAC-signed Session Management and ops API (PRODUCT.md §1). */
const SESSION_API_PREFIX = '/api/v1/';

/** Prose for `info.description`: what a wrong method gets, per API. */
export const WRONG_METHOD_RULE = `A path asked with a method it does not list answers **405** with an \`Allow\` header naming the methods it does serve (a path with \`GET\` also serves \`HEAD\`), instead of 404: response \`SessionApiMethodNotAllowed\` (status 13405) under \`/api/v1\`, after the signature is checked (an unsigned call gets 401 first), and \`MethodNotAllowed\` everywhere else. Each path item names its answer in \`${OTHER_METHODS}\`.`;

/** The named schemas of the 405 bodies. */
export function methodNotAllowedSchemas(): Record<string, NamedSchema> {
  return {
    MethodNotAllowedEnvelope: {
      schema: z.strictObject({
        status: z.literal(13405),
        client_message: z.string(),
        data: z.null(),
        time: z.number(),
      }),
    },
    MethodNotAllowed: { schema: z.strictObject({ error: z.literal('method_not_allowed') }) },
  };
}

const headers = {
  Allow: { $ref: '#/components/headers/Allow' },
  'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
};

/** `components.headers` entry of the `Allow` header (RFC 9110 §10.2.1). */
export const ALLOW_HEADER = {
  description: 'The methods this path serves, comma-separated (a path with GET also has HEAD).',
  required: true,
  schema: { type: 'string' },
  example: 'GET, HEAD',
};

/** `components.responses`: the two 405 answers. */
export function methodNotAllowedResponses(): Record<string, unknown> {
  return {
    SessionApiMethodNotAllowed: {
      description:
        '13405: this path does not serve the method; `Allow` lists the ones it does (checked after the signature)',
      headers,
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/MethodNotAllowedEnvelope' },
          example: { status: 13405, client_message: 'Method not allowed', data: null, time: 0.001 },
        },
      },
    },
    MethodNotAllowed: {
      description:
        'method_not_allowed: this path does not serve the method; `Allow` lists the ones it does',
      headers,
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/MethodNotAllowed' },
          example: { error: 'method_not_allowed' },
        },
      },
    },
  };
}

/**
 * `paths` with each path item naming its 405 answer. The service decides by prefix too: the
 * Session API's catch-all answers the envelope, every other path the plain body.
 */
export function withOtherMethods(paths: Record<string, object>): Record<string, object> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      {
        ...item,
        [OTHER_METHODS]: {
          $ref: path.startsWith(SESSION_API_PREFIX)
            ? '#/components/responses/SessionApiMethodNotAllowed'
            : '#/components/responses/MethodNotAllowed',
        },
      },
    ]),
  );
}
