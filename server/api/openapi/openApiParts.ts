import * as z from 'zod';

/** A zod schema as a named component, read as a request (`input`) or response (`output`). */
export interface NamedSchema {
  schema: z.core.$ZodType;
  io?: 'input' | 'output';
}

/** One part of the document: its paths and the named schemas they reference. */
export interface OpenApiPart {
  paths: Record<string, unknown>;
  schemas: Record<string, NamedSchema>;
}

/** JSON Schema 2020-12 (what OpenAPI 3.1 uses) of a zod schema. */
export function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output' = 'output'): object {
  // The dialect is the document's (`jsonSchemaDialect`), not repeated per schema.
  const json: Record<string, unknown> = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  delete json.$schema;
  return json;
}

/** `$ref` to a named schema. */
export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Headers every response carries. */
const REQUEST_ID = { 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } };

/** A JSON response with its schema, one example and the standard headers. */
export function jsonResponse(
  description: string,
  schemaName: string,
  example: unknown,
  extraHeaders: Record<string, unknown> = {},
) {
  return {
    description,
    headers: { ...REQUEST_ID, ...extraHeaders },
    content: { 'application/json': { schema: schemaRef(schemaName), example } },
  };
}

/** A response with a `Retry-After` header (429). */
export const RETRY_AFTER = { 'Retry-After': { $ref: '#/components/headers/Retry-After' } };

/** A non-JSON response (HTML, JavaScript) with the standard headers. */
export function fileResponse(description: string, mediaType: string, example: string) {
  return {
    description,
    headers: REQUEST_ID,
    content: { [mediaType]: { schema: { type: 'string' }, example } },
  };
}

/** A JSON request body with its schema and one example. */
export function jsonRequest(schemaName: string, example: unknown) {
  return {
    required: true,
    content: { 'application/json': { schema: schemaRef(schemaName), example } },
  };
}

/** A path parameter. */
export function pathParameter(name: string, description: string, example: string) {
  return { name, in: 'path', required: true, description, schema: { type: 'string' }, example };
}
