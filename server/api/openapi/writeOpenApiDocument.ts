import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildOpenApiDocument } from './openApiDocument';

/**
 * Writes the OpenAPI document to a file for `redocly lint` (`npm run lint:openapi`), with a
 * production-like server URL: the served document names the configured public URL instead.
 */
const target = resolve(process.argv[2] ?? 'node_modules/.cache/openapi/openapi.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(
  target,
  JSON.stringify(buildOpenApiDocument('https://tokenframe.acme.example'), null, 2),
);
