import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OTHER_METHODS } from '../api/openapi/methodNotAllowed';
import { buildOpenApiDocument } from '../api/openapi/openApiDocument';

interface DocumentResponse {
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: { $ref?: string } & Record<string, unknown> }>;
}
type Operations = Record<string, Record<string, { responses: Record<string, DocumentResponse> }>>;

const document = buildOpenApiDocument('http://127.0.0.1') as {
  paths: Operations;
  components: { schemas: Record<string, object>; responses: Record<string, DocumentResponse> };
};
/** Each documented path as a matcher of concrete paths, with the 405 it names. */
const pathMatchers = Object.entries(document.paths).map(([template, item]) => ({
  template,
  pattern: new RegExp(
    `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`,
  ),
  otherMethods: (item as Record<string, unknown>)[OTHER_METHODS] as { $ref: string } | undefined,
}));

/**
 * The documented 405 of a concrete path asked with a method it does not serve: those answers
 * come from the catch-alls and the not-found handler, which have no operation of their own.
 */
function wrongMethodResponse(request: FastifyRequest) {
  const path = request.url.split('?')[0]!;
  const matched = pathMatchers.find((m) => m.pattern.test(path));
  if (!matched) return null;
  const name = matched.otherMethods?.$ref.replace('#/components/responses/', '');
  return {
    where: `${request.method} ${matched.template} → 405`,
    response: name ? document.components.responses[name] : undefined,
  };
}
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();

function validatorOf(schema: { $ref?: string } & Record<string, unknown>): ValidateFunction {
  const name = schema.$ref?.replace('#/components/schemas/', '');
  const key = name ?? JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(name ? document.components.schemas[name]! : schema);
    validators.set(key, validate);
  }
  return validate;
}

/**
 * The drift check: every response an app answers on a documented route must be in the
 * OpenAPI document (path, method, status), carry the headers it lists, and match its JSON
 * schema. Installed by the test apps, so every suite that talks HTTP checks the document
 * against what the service really does; `assertConforms()` fails the suite on any drift.
 */
export function checkResponsesAgainstOpenApi(app: FastifyInstance): { assertConforms(): void } {
  const problems: string[] = [];
  const responseOf = (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url;
    if (reply.statusCode === 405) return wrongMethodResponse(request);
    // Unknown paths (the not-found handler, the APIs' catch-alls, static files) have no
    // operation to compare with.
    if (!route || route.includes('*') || request.method === 'HEAD') return null;
    const path = route.replace(/:(\w+)/g, '{$1}');
    const where = `${request.method} ${path} → ${reply.statusCode}`;
    const operation = document.paths[path]?.[request.method.toLowerCase()];
    return { where, response: operation?.responses[String(reply.statusCode)] };
  };
  // Bodies are checked before serialization, so compression cannot hide them.
  app.addHook('preSerialization', async (request, reply, payload) => {
    const found = responseOf(request, reply);
    const schema = found?.response?.content?.['application/json']?.schema;
    if (found && schema) {
      const validate = validatorOf(schema);
      if (!validate(JSON.parse(JSON.stringify(payload))))
        problems.push(`${found.where}: ${ajv.errorsText(validate.errors)}`);
    }
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const found = responseOf(request, reply);
    if (!found) return payload;
    if (!found.response) {
      problems.push(`${found.where}: not in the OpenAPI document`);
      return payload;
    }
    for (const header of Object.keys(found.response.headers ?? {}))
      if (reply.getHeader(header) === undefined)
        problems.push(`${found.where}: no ${header} header`);
    return payload;
  });
  return {
    assertConforms() {
      if (problems.length > 0)
        throw new Error(
          `Responses drifted from /openapi.json:\n${[...new Set(problems)].join('\n')}`,
        );
    },
  };
}
