import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { checkResponsesAgainstOpenApi } from '../../testing/openApiConformance';
import { buildApp } from '../../app';
import { readEnvConfig } from '../../config';
import type { Store } from '../../storage/store';
import { buildOpenApiDocument } from './openApiDocument';

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

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument('https://tokenframe.acme.example') as {
    openapi: string;
    paths: Record<string, Record<string, { operationId?: string }>>;
    webhooks: Record<string, unknown>;
  };

  it('is 3.1 with an operationId on every operation and a webhook per topic', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    expect(operations.every((op) => typeof op.operationId === 'string')).toBe(true);
    expect(Object.keys(doc.webhooks)).toContain('tokenframe.token_success');
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
    const missing = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
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
