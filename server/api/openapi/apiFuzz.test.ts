import Ajv, { type default as AjvInstance } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { arbitraryOf, type JsonSchema } from '../../testing/schemaArbitrary';
import { sampleSessionRequest, signRequest, SignedClient } from '../../testing/signedClient';
import { spawnService, type SpawnedService } from '../../testing/spawnService';
import { exchangeAuthorizedUrl } from '../../testing/exchangeAuthorizedUrl';

/**
 * Property-based fuzzing of every operation driven by the service's own /openapi.json, against
 * the service as a process (PRODUCT.md §10: nothing answers 5xx for bad input, and every
 * answer is one the document describes). Per operation, a bounded number of requests mixes
 * bodies and queries generated from the document's schemas with arbitrary JSON and strings;
 * HMAC-signed where the document says so, with a fresh bearer token for widget routes.
 */
const RUNS_PER_OPERATION = Number(process.env.TOKENFRAME_FUZZ_RUNS ?? 30);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Every method a client might send to a path; those a path does not list must answer 405. */
const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

interface Operation {
  method: string;
  path: string;
  spec: Record<string, unknown>;
}

let service: SpawnedService;
let document: JsonSchema;
let client: SignedClient;
let sessionId: string;

beforeAll(async () => {
  service = await spawnService();
  document = (await (await fetch(`${service.url}/openapi.json`)).json()) as JsonSchema;
  client = new SignedClient({ baseUrl: service.url, username: 'demo', secret: 'demo-secret' });
  const created = await client.createSession(
    sampleSessionRequest({ participant_unique_id1: 'fuzz' }),
  );
  sessionId = created.body.data.session_identifier;
}, 60_000);
afterAll(() => service?.kill());

/**
 * Every operation of the document. The widget document and the SDK files answer from the
 * build when there is one, and with their documented 503/404 when there is not (CI runs this
 * before `npm run build`), so both states are checked over time.
 */
function allOperations(): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths as Record<string, JsonSchema>))
    for (const method of METHODS) {
      const spec = item[method] as Record<string, unknown> | undefined;
      if (spec) operations.push({ method: method.toUpperCase(), path, spec });
    }
  return operations;
}

/** A bearer token of a fresh mount (widget routes may end the session they run on). */
async function freshAccessToken(): Promise<string> {
  const created = await client.createSession(
    sampleSessionRequest({ participant_unique_id1: `fuzz-${Math.random()}` }),
  );
  const exchanged = await exchangeAuthorizedUrl(service.url, created.body.data.authorized_url);
  return ((await exchanged.json()) as { access_token: string }).access_token;
}

/** Arbitrary requests for one operation: path parameters, query and body. */
function requestsOf(operation: Operation) {
  const parameters = (operation.spec.parameters ?? []) as {
    name: string;
    in: string;
    schema?: JsonSchema;
  }[];
  const pathNames = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const pathArb = fc.record(
    Object.fromEntries(
      pathNames.map((name) => [
        name,
        fc.oneof(fc.constant(sessionId), fc.string({ unit: 'binary', maxLength: 40 })),
      ]),
    ),
  );
  const queryArb = fc.record(
    Object.fromEntries(
      parameters
        .filter((p) => p.in === 'query')
        .map((p) => [
          p.name,
          fc.oneof(
            arbitraryOf(p.schema ?? {}, document).map(String),
            fc.string({ unit: 'binary', maxLength: 30 }),
          ),
        ]),
    ),
    { requiredKeys: [] },
  );
  const bodySchema = (
    (operation.spec.requestBody as JsonSchema | undefined)?.content as
      Record<string, { schema?: JsonSchema }> | undefined
  )?.['application/json']?.schema;
  const bodyArb = bodySchema
    ? fc.oneof(
        { weight: 3, arbitrary: arbitraryOf(bodySchema, document).map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
        { weight: 1, arbitrary: hostileObject.map((v) => JSON.stringify(v)) },
      )
    : fc.constant(undefined);
  return fc.record({ path: pathArb, query: queryArb, body: bodyArb });
}

/**
 * Objects whose keys are inherited member names and whose strings PostgreSQL cannot store:
 * the inputs that once reached a 500 (PRODUCT.md §10).
 */
const hostileObject = fc.dictionary(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'q'),
  fc.oneof(fc.constantFrom('a\u0000b', '\ud800', '\udfff'), fc.jsonValue({ maxDepth: 1 })),
  { minKeys: 1, maxKeys: 3 },
);

let ajvInstance: AjvInstance | undefined;
/** OpenAPI 3.1 schemas are JSON Schema 2020-12; 3.0 ones are draft-07 with `nullable`. */
function ajvFor(): AjvInstance {
  ajvInstance ??= String(document.openapi).startsWith('3.1')
    ? new Ajv2020({ strict: false })
    : new Ajv({ strict: false });
  return ajvInstance;
}

/** Sends one generated request and checks the answer against the document. */
async function check(
  operation: Operation,
  request: {
    path: Record<string, string>;
    query: Record<string, string | undefined>;
    body: string | undefined;
  },
) {
  let path = operation.path;
  for (const [name, value] of Object.entries(request.path))
    path = path.replace(`{${name}}`, encodeURIComponent(value) || 'x');
  const query = new URLSearchParams(
    Object.entries(request.query).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  ).toString();
  const pathAndQuery = query ? `${path}?${query}` : path;
  const security = (operation.spec.security ?? document.security) as Record<string, unknown>[];
  const headers: Record<string, string> = {};
  if (security.some((s) => 'hmac' in s))
    Object.assign(
      headers,
      signRequest(
        operation.method,
        pathAndQuery,
        request.body ?? '',
        { username: 'demo', secret: 'demo-secret' },
        new Date(),
      ),
    );
  else if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (security.some((s) => Object.keys(s).some((k) => /bearer/i.test(k))))
    headers.authorization = `Bearer ${await freshAccessToken()}`;
  const response = await fetch(`${service.url}${pathAndQuery}`, {
    method: operation.method,
    headers,
    body: operation.method === 'GET' ? undefined : (request.body ?? ''),
  });
  const text = await response.text();
  const where = `${operation.method} ${pathAndQuery} ${String(request.body).slice(0, 200)} → ${response.status} ${text.slice(0, 200)}`;
  const responses = operation.spec.responses as Record<string, JsonSchema>;
  // A 500 is always a defect; another 5xx only when documented (503 from /readyz unbuilt).
  if (response.status === 500 || !(String(response.status) in responses))
    expect(response.status, where).toBeLessThan(500);
  const documented = responses[String(response.status)] ?? responses.default;
  expect(documented, `undocumented status: ${where}`).toBeDefined();
  const content = documented!.content as Record<string, { schema?: JsonSchema }> | undefined;
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
  if (content)
    expect(Object.keys(content), `undocumented media type ${mediaType}: ${where}`).toContain(
      mediaType,
    );
  const schema = mediaType === 'application/json' ? content?.[mediaType]?.schema : undefined;
  if (schema) {
    const ajv = ajvFor();
    const validate = ajv.compile({ ...schema, components: document.components });
    expect(validate(JSON.parse(text)), `${where} ${ajv.errorsText(validate.errors)}`).toBe(true);
  }
}

test('every operation of /openapi.json: no 5xx and only documented answers', async () => {
  const operations = allOperations();
  expect(operations.length).toBeGreaterThanOrEqual(Object.keys(document.paths as object).length);
  const failures: string[] = [];
  for (const operation of operations)
    try {
      await fc.assert(
        fc.asyncProperty(requestsOf(operation), (request) => check(operation, request)),
        { numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    } catch (error) {
      failures.push(
        `${operation.method} ${operation.path}: ${[(error as Error).message.split('\n')[2], ((error as Error).cause as Error | undefined)?.message].join(' | ')}`,
      );
    }
  expect(failures.join('\n\n') || 'none').toBe('none');
}, 600_000);

/** The methods a documented path serves: its operations, plus HEAD wherever GET is. */
function servedMethods(item: JsonSchema): string[] {
  const served = METHODS.filter((method) => item[method]).map((m) => m.toUpperCase());
  if (served.includes('GET')) served.push('HEAD');
  return served.sort();
}

/** A request with a method its path does not serve. */
interface WrongMethodRequest {
  method: string;
  id: string;
  body: string | undefined;
}

/** Sends a method `path` does not serve and checks the 405 the path item names. */
async function checkWrongMethod(template: string, item: JsonSchema, request: WrongMethodRequest) {
  const path = template.replace(/\{\w+\}/g, encodeURIComponent(request.id) || 'x');
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body;
  const signed = METHODS.some((m) => {
    const operation = item[m] as JsonSchema | undefined;
    const security = (operation?.security ?? document.security) as object[];
    return operation !== undefined && security.some((s) => 'hmac' in s);
  });
  const headers: Record<string, string> = signed
    ? signRequest(
        request.method,
        path,
        body ?? '',
        { username: 'demo', secret: 'demo-secret' },
        new Date(),
      )
    : body === undefined
      ? {}
      : { 'content-type': 'application/json' };
  const response = await fetch(`${service.url}${path}`, { method: request.method, headers, body });
  const text = await response.text();
  const where = `${request.method} ${path} ${String(body).slice(0, 100)} → ${response.status} ${text.slice(0, 200)}`;
  expect(response.status, where).toBe(405);
  expect(response.headers.get('allow'), where).toBe(servedMethods(item).join(', '));
  const name = (item['x-other-methods'] as { $ref?: string } | undefined)?.$ref?.replace(
    '#/components/responses/',
    '',
  );
  const documented = ((document.components as JsonSchema).responses as JsonSchema)[name ?? ''] as
    JsonSchema | undefined;
  expect(documented, `no 405 named for ${template}`).toBeDefined();
  for (const header of Object.keys((documented!.headers as object | undefined) ?? {}))
    expect(response.headers.get(header), `${where}: no ${header}`).not.toBeNull();
  if (request.method === 'HEAD') return;
  const schema = (documented!.content as Record<string, { schema: JsonSchema }>)[
    'application/json'
  ]!.schema;
  const ajv = ajvFor();
  const validate = ajv.compile({ ...schema, components: document.components });
  expect(validate(JSON.parse(text)), `${where} ${ajv.errorsText(validate.errors)}`).toBe(true);
}

test('every path of /openapi.json asked with a method it does not list: the 405 it names, with Allow', async () => {
  const failures: string[] = [];
  let paths = 0;
  for (const [template, item] of Object.entries(document.paths as Record<string, JsonSchema>)) {
    const wrong = ALL_METHODS.filter((m) => !servedMethods(item).includes(m));
    if (wrong.length === 0) continue;
    paths++;
    const requestArb: fc.Arbitrary<WrongMethodRequest> = fc.record({
      method: fc.constantFrom(...wrong),
      id: fc.oneof(fc.constant(sessionId), fc.string({ unit: 'binary', maxLength: 40 })),
      body: fc.option(
        fc.oneof(
          fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
          hostileObject.map((v) => JSON.stringify(v)),
        ),
        { nil: undefined },
      ),
    });
    try {
      await fc.assert(
        fc.asyncProperty(requestArb, (request) => checkWrongMethod(template, item, request)),
        {
          // Each wrong method at least once, with a real id and no body; then generated ones.
          examples: wrong.map((method): [WrongMethodRequest] => [
            { method, id: sessionId, body: undefined },
          ]),
          numRuns: Math.max(RUNS_PER_OPERATION, wrong.length),
          endOnFailure: true,
        },
      );
    } catch (error) {
      failures.push(
        `${template}: ${[(error as Error).message.split('\n')[2], ((error as Error).cause as Error | undefined)?.message].join(' | ')}`,
      );
    }
  }
  expect(paths).toBe(Object.keys(document.paths as object).length);
  expect(failures.join('\n\n') || 'none').toBe('none');
}, 600_000);
