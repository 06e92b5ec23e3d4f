import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { checkResponsesAgainstOpenApi } from '../../testing/openApiConformance';
import { buildApp } from '../../app';
import { readEnvConfig } from '../../config';
import type { Store } from '../../storage/store';
import { OTHER_METHODS } from './methodNotAllowed';
import { buildOpenApiDocument } from './openApiDocument';

/** The keys of a path item that are operations (the rest are fields and extensions). */
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const operationsOf = (item: Record<string, unknown>) =>
  Object.entries(item).filter(([key]) => HTTP_METHODS.has(key));

/**
 * The drift check that every test app installs (testing/openApiConformance.ts): it must fail
 * on a response the document does not describe, and pass on one it does.
 */
async function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const app = Fastify();
  const check = checkResponsesAgainstOpenApi(app);
  app.get('/healthz', async (_request, reply) => reply.code(status).headers(headers).send(body));
  await app.inject({ url: '/healthz' });
  await app.close();
  return () => check.assertConforms();
}

describe('OpenAPI drift check', () => {
  it('passes a documented status with a matching body and the listed headers', async () => {
    expect(await answer(200, { ok: true }, { 'X-Request-Id': 'r-1' })).not.toThrow();
  });

  it('fails on an undocumented status', async () => {
    expect(await answer(201, { ok: true }, { 'X-Request-Id': 'r-1' })).toThrow(
      /GET \/healthz → 201: not in the OpenAPI document/,
    );
  });

  it('fails on a body that does not match the schema', async () => {
    expect(await answer(200, { ok: 'yes' }, { 'X-Request-Id': 'r-1' })).toThrow(/drifted/);
  });

  it('fails when a listed header is missing', async () => {
    expect(await answer(200, { ok: true })).toThrow(/no X-Request-Id header/);
  });
});

/** A 405 as the not-found handler answers it, checked by the drift check. */
async function wrongMethod(path: string, body: unknown, allow?: string) {
  const app = Fastify();
  const check = checkResponsesAgainstOpenApi(app);
  app.setNotFoundHandler((_request, reply) => {
    if (allow) reply.header('Allow', allow);
    return reply.code(405).header('X-Request-Id', 'r-1').send(body);
  });
  await app.inject({ method: 'DELETE', url: path });
  await app.close();
  return () => check.assertConforms();
}

describe('OpenAPI drift check of wrong methods', () => {
  const envelope = { status: 13405, client_message: 'Method not allowed', data: null, time: 0 };

  it('passes the 405 each path names, with Allow', async () => {
    expect(
      await wrongMethod('/healthz', { error: 'method_not_allowed' }, 'GET, HEAD'),
    ).not.toThrow();
    expect(await wrongMethod('/api/v1/sessions/abc', envelope, 'GET, HEAD')).not.toThrow();
  });

  it("fails a 405 without Allow, or with the other API's body", async () => {
    expect(await wrongMethod('/healthz', { error: 'method_not_allowed' })).toThrow(
      /DELETE \/healthz → 405: no Allow header/,
    );
    expect(
      await wrongMethod('/api/v1/sessions/abc', { error: 'method_not_allowed' }, 'GET'),
    ).toThrow(/DELETE \/api\/v1\/sessions\/\{id\} → 405/);
    expect(await wrongMethod('/api/widget/v1/confirm', envelope, 'POST')).toThrow(/drifted/);
  });
});

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument('https://tokenframe.acme.example') as {
    openapi: string;
    paths: Record<string, Record<string, { operationId?: string }>>;
    webhooks: Record<string, unknown>;
  };

  it('is 3.1 with an operationId on every operation and a webhook per topic', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).flatMap((item) =>
      operationsOf(item).map(([, op]) => op as { operationId?: string }),
    );
    expect(operations.every((op) => typeof op.operationId === 'string')).toBe(true);
    expect(Object.keys(doc.webhooks)).toContain('tokenframe.token_success');
  });

  it('names the 405 of every path: the envelope under /api/v1, the plain body elsewhere', () => {
    for (const [path, item] of Object.entries(doc.paths))
      expect((item as Record<string, unknown>)[OTHER_METHODS], path).toEqual({
        $ref: path.startsWith('/api/v1/')
          ? '#/components/responses/SessionApiMethodNotAllowed'
          : '#/components/responses/MethodNotAllowed',
      });
  });
});

describe('OpenAPI paths and the app routes', () => {
  it('every documented operation is a route the app serves', async () => {
    const store = { engine: 'pglite' } as unknown as Store;
    const config = {
      ...readEnvConfig({}),
      urlSecret: Buffer.alloc(32),
      vaultKey: Buffer.alloc(32),
    };
    const app = await buildApp({ store, config, logger: false });
    await app.ready();
    const doc = buildOpenApiDocument(config.publicUrl) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const missing = Object.entries(doc.paths).flatMap(([path, item]) =>
      operationsOf(item)
        .map(([method]) => method)
        .filter(
          (method) =>
            !app.hasRoute({
              method: method.toUpperCase() as 'GET',
              url: path.replace(/\{(\w+)\}/g, ':$1'),
            }),
        )
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    await app.close();
    expect(missing).toEqual([]);
  });
});
